namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>outbound.dead: retries ran out; the message is parked and needs a person.</summary>
public sealed record OutboundDead(
    string Peer,
    string InstructionId,
    string MsgNo,
    string MsgId,
    string BusinessNo,
    OutboundDead.Details Detail) : IOutboundFact
{
    public static string Kind => "outbound.dead";

    public sealed record Details(int Attempts, string? LastError);
}
