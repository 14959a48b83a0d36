namespace NonTax.SocketEdge.Messages;

/// <summary>MsgIDs for replies this edge node sends; unique across nodes through the node discriminator.</summary>
public sealed class EdgeMessageIds(Func<string> next)
{
    public string Next() => next();
}
