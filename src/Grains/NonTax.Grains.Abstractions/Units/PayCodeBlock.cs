using NonTax.Grains.Abstractions.Codes;

namespace NonTax.Grains.Abstractions.Units;

/// <summary>
/// Sequence numbers [<paramref name="First"/>, <paramref name="First"/> + <paramref name="Count"/>)
/// of one year, reserved durably by a unit for one holder; no other holder ever gets them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PayCodeBlock(
    [property: Id(0)] string RegionCode,
    [property: Id(1)] int IssuerNumber,
    [property: Id(2)] int Year,
    [property: Id(3)] long First,
    [property: Id(4)] int Count)
{
    public long End => First + Count;

    public string Compose(long sequence) => PayCode.Compose(RegionCode, Year, IssuerNumber, sequence).Value;
}
