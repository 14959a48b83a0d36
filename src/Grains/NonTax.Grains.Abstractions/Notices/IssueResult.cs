namespace NonTax.Grains.Abstractions.Notices;

/// <summary>Outcome of issuing one notice.</summary>
/// <param name="CheckCode">The 4-character 验证码 for payer look-up.</param>
/// <param name="Information">Why it was refused (names the field or item), empty on success.</param>
[GenerateSerializer, Immutable]
public sealed record IssueResult(
    [property: Id(0)] string ResultCode,
    [property: Id(1)] string? PayCode = null,
    [property: Id(2)] string? CheckCode = null,
    [property: Id(3)] string? Information = null)
{
    public bool Succeeded => ResultCode == NonTax.Protocol.Results.ResultCodes.Success;
}
