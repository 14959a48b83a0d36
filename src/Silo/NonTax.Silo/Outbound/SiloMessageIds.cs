using NonTax.Grains.Outbound;
using NonTax.Protocol.Identifiers;

namespace NonTax.Silo.Outbound;

/// <summary>MsgIDs for messages the silo originates; the discriminator (<c>FinanceNode:MsgIdNode</c>) keeps silos and edge nodes apart.</summary>
public sealed class SiloMessageIds(MsgIdGenerator generator) : IMessageIdSource
{
    public string Next() => generator.Next();
}
