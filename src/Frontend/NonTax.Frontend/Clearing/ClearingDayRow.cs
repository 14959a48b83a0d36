namespace NonTax.Frontend.Clearing;

/// <summary>
/// One clearing bank's business day as staff see it: its reconciliation status and, once the
/// day's 5614 went out, the instruction and the bank's 2614 (<c>nontax.clearing_days</c>).
/// </summary>
/// <param name="ClearingStatus">instructed, cleared, failed, nothing — or null while the day waits (not reconciled yet, or a rule missing).</param>
public sealed record ClearingDayRow(
    string BankNode,
    DateOnly BusinessDay,
    string? ReconciliationStatus,
    string? ClearingStatus,
    string? ClearNo,
    int? Lines,
    decimal? Amount,
    DateTimeOffset? InstructedAt,
    string? Result,
    string? ResultInformation,
    DateTimeOffset? FinishedAt);
