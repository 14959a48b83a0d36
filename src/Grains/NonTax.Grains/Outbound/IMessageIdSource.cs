namespace NonTax.Grains.Outbound;

/// <summary>Issues MsgIDs unique across all silos and edge nodes (time-ordered, with a node discriminator).</summary>
public interface IMessageIdSource
{
    string Next();
}
