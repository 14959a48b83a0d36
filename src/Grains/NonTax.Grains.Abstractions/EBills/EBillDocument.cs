namespace NonTax.Grains.Abstractions.EBills;

/// <summary>A signed e-bill file as the issuer made it, or why it could not be made.</summary>
/// <param name="Code">00000 when <see cref="Document"/> is there, otherwise the refusal (20001, 20004, 99999).</param>
[GenerateSerializer, Immutable, Alias("ebill.document")]
public sealed record EBillDocument(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] byte[]? Document = null,
    [property: Id(3)] decimal TotalAmount = 0m,
    [property: Id(4)] string PayerName = "",
    [property: Id(5)] string CheckCode = "",
    [property: Id(6)] DateTimeOffset IssuedAt = default);
