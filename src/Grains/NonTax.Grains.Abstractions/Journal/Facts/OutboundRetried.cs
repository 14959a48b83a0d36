namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>outbound.retried: staff sent a dead message back to the queue.</summary>
public sealed record OutboundRetried(
    string Peer,
    string InstructionId,
    string MsgNo,
    string MsgId,
    string BusinessNo,
    OutboundRetried.Details Detail) : IOutboundFact
{
    public static string Kind => "outbound.retried";

    public sealed record Details(string? OperatorName);
}
