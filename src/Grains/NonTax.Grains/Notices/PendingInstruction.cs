using NonTax.Grains.Abstractions.Outbound;

namespace NonTax.Grains.Notices;

/// <summary>An outbound message waiting in the notice's outbox until the target's BankLink has taken it.</summary>
[GenerateSerializer, Immutable]
public sealed record PendingInstruction(
    [property: Id(0)] string TargetNode,
    [property: Id(1)] OutboundInstruction Instruction,
    [property: Id(2)] bool HandedOver);
