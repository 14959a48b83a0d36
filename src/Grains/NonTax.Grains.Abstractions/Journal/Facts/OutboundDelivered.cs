namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>outbound.delivered: the peer answered success.</summary>
public sealed record OutboundDelivered(
    string Peer,
    string InstructionId,
    string MsgNo,
    string MsgId,
    string BusinessNo,
    OutboundDelivered.Details Detail) : IOutboundFact
{
    public static string Kind => "outbound.delivered";

    /// <param name="Information">The peer's answer text; facts written before it was recorded lack it.</param>
    public sealed record Details(int Attempts, string Result, string? Information = null);
}
