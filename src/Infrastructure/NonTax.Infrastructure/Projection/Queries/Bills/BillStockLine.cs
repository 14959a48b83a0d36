namespace NonTax.Infrastructure.Projection.Queries.Bills;

/// <summary>Stock of one bill code at one holder: how many ranges, unused, taken and voided numbers.</summary>
public sealed record BillStockLine(string BillCode, string Medium, string Holder, bool HeldByUnit, int Ranges, long Unused, long Taken, long Voided);
