namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// What remittance reads from the relational projection (on a silo: <c>RemittanceQueries</c>):
/// the day grain keeps no per-payment or per-instruction data, so the day's revenue, its payments
/// (a page at a time) and the instructions already recorded come from SQL.
/// </summary>
public interface IRemittanceSource
{
    /// <summary>The day's clearing status (instructed, cleared, failed, nothing), or null when the day was not cleared (yet).</summary>
    Task<string?> ClearingStatusAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The revenue the bank confirmed on the day, by (account paid into, item).</summary>
    Task<DayRevenue> RevenueAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The approved clearing rule (with its remit mode) in force for the item on the day, or null.</summary>
    Task<RuleInForce?> RuleOnAsync(string itemCode, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>
    /// The day's revenue payments at the bank with a payment code after <paramref name="afterPayCode"/>
    /// (null: from the start), at most <paramref name="limit"/> payments in payment-code order, one
    /// row per (payment, item) with the payment's late fee on its first line's item.
    /// </summary>
    Task<IReadOnlyList<PaymentItemRow>> PaymentsAsync(string bankNode, DateOnly day, string? afterPayCode, int limit, CancellationToken cancellationToken = default);

    /// <summary>A recorded 5618 with its lines, or null.</summary>
    Task<RemittanceRecord?> InstructionAsync(string remitNo, CancellationToken cancellationToken = default);

    /// <summary>The day's recorded 5618s with a RemitNo after <paramref name="afterRemitNo"/>, in RemitNo order.</summary>
    Task<IReadOnlyList<RemittanceRecord>> InstructionsAsync(string bankNode, DateOnly day, string? afterRemitNo, int limit, CancellationToken cancellationToken = default);

    /// <summary>Cleared days (cleared or nothing to clear) from <paramref name="from"/> on whose remittance is not finished.</summary>
    Task<IReadOnlyList<BankDay>> DaysToRemitAsync(DateOnly from, int limit, CancellationToken cancellationToken = default);
}

/// <summary>One (payment, item) amount of a day.</summary>
public sealed record PaymentItemRow(string PayCode, string UnitCode, string PayeeAcct, string ItemCode, decimal Amount);

/// <summary>A recorded 5618 and, once it came, its 2618; a refused one re-sent names its successor (<paramref name="ResentAs"/>).</summary>
public sealed record RemittanceRecord(
    string RemitNo,
    string BankNode,
    DateOnly BusinessDay,
    int RemitType,
    string PayAcct,
    string TreCode,
    string TreName,
    int BudgetLevel,
    decimal Amount,
    string? PayCode,
    string Status,
    string? Result,
    IReadOnlyList<RemittanceLine> Lines,
    string? ResentAs = null);
