namespace NonTax.Grains.Abstractions.Outbound;

/// <summary>One outbound message as staff see it.</summary>
[GenerateSerializer, Immutable]
public sealed record OutboundMessageView(
    [property: Id(0)] string InstructionId,
    [property: Id(1)] string MsgNo,
    [property: Id(2)] string MsgId,
    [property: Id(3)] string BusinessNo,
    [property: Id(4)] OutboundMessageStatus Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset QueuedAt,
    [property: Id(7)] DateTimeOffset? LastAttemptAt,
    [property: Id(8)] string? LastError,
    [property: Id(9)] string? AnswerResult,
    [property: Id(10)] string? AnswerInformation,
    [property: Id(11)] string? ClosedReason);
