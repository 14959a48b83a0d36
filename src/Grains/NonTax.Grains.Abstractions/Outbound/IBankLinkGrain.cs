using Orleans.Concurrency;

namespace NonTax.Grains.Abstractions.Outbound;

/// <summary>
/// The outbound link to one peer node (key: node code such as D3206820105). Holds a durable queue
/// of instructions and delivers each over a short TCP connection until the peer answers.
/// </summary>
public interface IBankLinkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Durably queues the instruction; idempotent on <see cref="OutboundInstruction.InstructionId"/>,
    /// also after the message was delivered or closed and has left the link (a unique claim remembers it).
    /// </summary>
    Task Enqueue(OutboundInstruction instruction);

    /// <summary>
    /// The messages the link still holds, newest first: pending and dead ones. Delivered and closed
    /// messages live in <see cref="IOutboundMessageLog"/>.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<OutboundMessageView>> GetMessages();

    /// <summary>Staff put a dead message back in the queue; it keeps its MsgID and business number.</summary>
    Task<bool> Retry(string instructionId, string operatorName);

    /// <summary>Staff close a dead message by hand (e.g. settled by phone) with a reason.</summary>
    Task<bool> Close(string instructionId, string reason, string operatorName);

    /// <summary>
    /// Runs one delivery pass now instead of waiting for the timer. Interleaves with the other
    /// calls: a peer whose server hangs must not hold up enqueuing (and with it the bank's reply
    /// to a confirmation) for the length of a network timeout.
    /// </summary>
    [AlwaysInterleave]
    Task DeliverDue();
}
