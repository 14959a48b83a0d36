namespace NonTax.Grains.Abstractions.Bills;

/// <summary>What became of one taken bill number (the <c>bill_numbers</c> row).</summary>
/// <param name="Status">taken, used (an e-bill holds it) or voided.</param>
/// <param name="PayCode">The notice whose e-bill holds it, when used.</param>
public sealed record BillNumberState(string BillCode, long Number, string UnitCode, string Status, string? PayCode, DateTimeOffset? ReturnedAt);
