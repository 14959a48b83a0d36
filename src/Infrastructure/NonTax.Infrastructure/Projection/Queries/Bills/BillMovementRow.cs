namespace NonTax.Infrastructure.Projection.Queries.Bills;

/// <summary>One recorded movement of bill numbers: what, which numbers, from whom to whom, by whom, when.</summary>
public sealed record BillMovementRow(string BillCode, string Movement, long First, long Last, string From, string To, string Operator,
    string? Note, DateTimeOffset OccurredAt);
