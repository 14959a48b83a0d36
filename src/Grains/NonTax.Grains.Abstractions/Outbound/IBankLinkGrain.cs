namespace NonTax.Grains.Abstractions.Outbound;

/// <summary>
/// The outbound link to one peer node (key: node code such as D3206820105). Holds a durable queue
/// of instructions and delivers each over a short TCP connection until the peer answers.
/// </summary>
public interface IBankLinkGrain : IGrainWithStringKey
{
    /// <summary>Durably queues the instruction; idempotent on <see cref="OutboundInstruction.InstructionId"/>.</summary>
    Task Enqueue(OutboundInstruction instruction);
}
