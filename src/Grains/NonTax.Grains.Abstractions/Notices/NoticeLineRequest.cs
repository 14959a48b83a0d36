namespace NonTax.Grains.Abstractions.Notices;

/// <summary>An item line as a unit asks for it; <paramref name="ItemCode"/> may be the 9-digit item code or the 12-digit national code.</summary>
[GenerateSerializer, Immutable]
public sealed record NoticeLineRequest(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] decimal Quantity = 1);
