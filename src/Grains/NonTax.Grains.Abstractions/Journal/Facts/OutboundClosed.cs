namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>outbound.closed: staff closed a message that will not be sent, with the reason.</summary>
public sealed record OutboundClosed(
    string Peer,
    string InstructionId,
    string MsgNo,
    string MsgId,
    string BusinessNo,
    OutboundClosed.Details Detail) : IOutboundFact
{
    public static string Kind => "outbound.closed";

    public sealed record Details(string Reason, string? OperatorName);
}
