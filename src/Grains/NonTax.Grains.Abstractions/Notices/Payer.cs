namespace NonTax.Grains.Abstractions.Notices;

/// <summary>The payer (缴款人) named on a notice.</summary>
/// <param name="Type">1 person, 2 organisation.</param>
/// <param name="CreditCode">统一社会信用代码 or ID number.</param>
[GenerateSerializer, Immutable]
public sealed record Payer(
    [property: Id(0)] string Name,
    [property: Id(1)] int Type = 1,
    [property: Id(2)] string? Account = null,
    [property: Id(3)] string? Bank = null,
    [property: Id(4)] string? MobilePhone = null,
    [property: Id(5)] string? CreditCode = null);
