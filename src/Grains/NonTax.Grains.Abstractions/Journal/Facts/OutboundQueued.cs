namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>outbound.queued: an instruction entered the link's durable queue.</summary>
public sealed record OutboundQueued(
    string Peer,
    string InstructionId,
    string MsgNo,
    string MsgId,
    string BusinessNo,
    OutboundQueued.Details Detail) : IOutboundFact
{
    public static string Kind => "outbound.queued";

    public sealed record Details(string MsgNo, string BusinessNo, string MsgId);
}
