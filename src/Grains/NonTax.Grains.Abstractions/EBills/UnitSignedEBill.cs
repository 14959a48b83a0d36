namespace NonTax.Grains.Abstractions.EBills;

/// <summary>
/// An e-bill a unit system built and signed itself (8981): the exact Header + EInvoiceData bytes it
/// signed and its detached signature, for the finance signature to be added.
/// </summary>
/// <param name="Content">UTF-8 Header + EInvoiceData as the unit signed them.</param>
/// <param name="SignatureValue">Base64 SM2 signature (DER).</param>
/// <param name="CertificateSerial">Key_Info/Number: the unit certificate's serial (hex).</param>
/// <param name="CertificateIssuer">Key_Info/Issuer.</param>
/// <param name="Telephone">Recipient_Addr/Telephone: where the payer is told, when given.</param>
[GenerateSerializer, Immutable, Alias("ebill.unit_signed")]
public sealed record UnitSignedEBill(
    [property: Id(0)] string BillCode,
    [property: Id(1)] long BillNumber,
    [property: Id(2)] byte[] Content,
    [property: Id(3)] string SignatureValue,
    [property: Id(4)] string Algorithm,
    [property: Id(5)] string Format,
    [property: Id(6)] DateTimeOffset SignedAt,
    [property: Id(7)] string CertificateSerial,
    [property: Id(8)] string CertificateIssuer,
    [property: Id(9)] string Node,
    [property: Id(10)] string? Telephone = null,
    [property: Id(11)] string? Email = null);
