namespace NonTax.Grains.Abstractions.EBills;

/// <summary>
/// A number the notice took from its unit's stock for a bill not yet stored: kept across a failed
/// signing or a crash, so a retry uses the same number instead of taking another.
/// </summary>
[GenerateSerializer, Immutable, Alias("ebill.reserved_number")]
public sealed record ReservedBillNumber(
    [property: Id(0)] string BillCode,
    [property: Id(1)] long BillNumber);
