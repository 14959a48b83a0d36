using NonTax.Grains.Abstractions.Outbound;

namespace NonTax.Grains.BaseData.Publishing;

/// <summary>An instruction waiting to be handed to the bank link of <paramref name="Peer"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record PendingHandOver([property: Id(0)] string Peer, [property: Id(1)] OutboundInstruction Instruction);
