namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// ebill.issued: a notice's e-bill (or its red-letter reversal) was signed and stored; carries the
/// signed file (base64) for <c>nontax.ebills</c> and marks the number used in <c>bill_numbers</c>.
/// </summary>
/// <param name="Channel">api (built for the unit), 8981 (built and signed by the unit system), or reversal.</param>
public sealed record EBillIssued(
    string PayCode,
    string UnitCode,
    string BillCode,
    long BillNumber,
    string CheckCode,
    bool RedLetter,
    string? RelatedCode,
    long? RelatedNumber,
    [property: MoneyText] decimal TotalAmount,
    string PayerName,
    string? PayerPhone,
    string Channel,
    string Operator,
    DateTimeOffset IssuedAt,
    string Document) : IFact
{
    public static string Kind => "ebill.issued";
}
