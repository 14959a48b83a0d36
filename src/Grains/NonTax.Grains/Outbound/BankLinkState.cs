using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Outbound;

namespace NonTax.Grains.Outbound;

/// <summary>
/// Durable queue of one peer's outbound messages that are not finished: pending ones and dead ones
/// waiting for staff (at most <see cref="BankLinkOptions.MaxDeadKept"/>). A delivered or closed
/// message leaves the state in the write that records it; its history is the
/// <c>outbound_messages</c> projection, and a unique claim on its instruction id keeps a
/// re-enqueue from sending it again.
/// </summary>
[GenerateSerializer]
public sealed class BankLinkState : IJournaledState
{
    /// <summary>Current <see cref="Format"/>: finished messages have left and every queued instruction id is claimed.</summary>
    public const int BoundedFormat = 1;

    [Id(0)] public Dictionary<string, OutboundMessage> Messages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// 0 for state written before messages left on delivery: it may still hold finished messages,
    /// and its instruction ids were never claimed. The link migrates it on activation.
    /// </summary>
    [Id(1)] public int Format { get; set; }

    [NonSerialized]
    private JournalBuffer? _journal;

    /// <summary>Never serialized; created on first use because deserialization may skip initializers.</summary>
    public JournalBuffer Journal => _journal ??= new();
}

/// <summary>One queued message with its delivery history. MsgID is fixed at enqueue so every retry carries the same one.</summary>
[GenerateSerializer]
public sealed class OutboundMessage
{
    [Id(0)] public required OutboundInstruction Instruction { get; init; }
    [Id(1)] public required string MsgId { get; init; }
    [Id(2)] public OutboundMessageStatus Status { get; set; }
    [Id(3)] public int Attempts { get; set; }
    [Id(4)] public DateTimeOffset QueuedAt { get; init; }
    [Id(5)] public DateTimeOffset NextAttemptAt { get; set; }
    [Id(6)] public DateTimeOffset? LastAttemptAt { get; set; }
    [Id(7)] public string? LastError { get; set; }
    [Id(8)] public string? AnswerResult { get; set; }
    [Id(9)] public string? AnswerInformation { get; set; }
    [Id(10)] public string? ClosedReason { get; set; }
    [Id(11)] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Restarts the dead-letter clock when staff retry by hand.</summary>
    [Id(12)] public DateTimeOffset RetryWindowStart { get; set; }

    public bool IsFinished => Status is OutboundMessageStatus.Delivered or OutboundMessageStatus.Closed;

    public OutboundMessageView ToView() => new(
        Instruction.InstructionId, Instruction.MsgNo, MsgId, Instruction.BusinessNo, Status, Attempts, QueuedAt,
        LastAttemptAt, LastError, AnswerResult, AnswerInformation, ClosedReason);
}
