namespace NonTax.Grains.Abstractions.EBills;

/// <summary>An issued e-bill as <c>nontax.ebills</c> keeps it: identity, who and what, and the signed file.</summary>
public sealed record StoredEBill(
    string BillCode,
    long BillNumber,
    string PayCode,
    string UnitCode,
    bool RedLetter,
    string? RelatedCode,
    long? RelatedNumber,
    string CheckCode,
    decimal TotalAmount,
    string PayerName,
    DateTimeOffset IssuedAt,
    byte[] Document)
{
    public string Key => $"{BillCode}-{BillNumber:D10}";
}
