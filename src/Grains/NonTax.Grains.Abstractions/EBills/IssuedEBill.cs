namespace NonTax.Grains.Abstractions.EBills;

/// <summary>
/// The e-bill a notice was exchanged for (or its red-letter reversal), as the notice keeps it:
/// only the bill's identity, never the document (that is a row of <c>nontax.ebills</c>).
/// </summary>
/// <param name="CheckCode">The bill's check code (校验码, RandomNumber).</param>
[GenerateSerializer, Immutable, Alias("ebill.issued_bill")]
public sealed record IssuedEBill(
    [property: Id(0)] string BillCode,
    [property: Id(1)] long BillNumber,
    [property: Id(2)] string CheckCode,
    [property: Id(3)] DateTimeOffset IssuedAt)
{
    public string Key => $"{BillCode}-{BillNumber:D10}";
}
