namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>Which refunds to list; every criterion is optional, newest first, at most <paramref name="Limit"/>.</summary>
public sealed record RefundFilter(
    string? Status = null,
    string? Kind = null,
    string? PayCode = null,
    string? UnitCode = null,
    int Limit = 200);
