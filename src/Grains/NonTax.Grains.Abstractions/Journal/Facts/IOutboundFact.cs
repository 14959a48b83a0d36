namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// What every outbound.* fact of a bank link names: the peer and the instruction's message. Each
/// kind adds its own <c>detail</c> object.
/// </summary>
public interface IOutboundFact : IFact
{
    string Peer { get; }
    string InstructionId { get; }
    string MsgNo { get; }
    string MsgId { get; }
    string BusinessNo { get; }
}
