using NonTax.Protocol.Results;

namespace NonTax.Grains.Outbound;

/// <summary>The peer's generic reply (2001 / 8001): its result code and information text.</summary>
public sealed record OutboundAnswer(string Result, string? Information)
{
    public bool IsSuccess => Result == ResultCodes.Success;
}
