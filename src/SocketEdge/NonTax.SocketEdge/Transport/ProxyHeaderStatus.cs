namespace NonTax.SocketEdge.Transport;

/// <summary>Outcome of reading a PROXY protocol header.</summary>
public enum ProxyHeaderStatus
{
    NeedMoreData,
    Complete,
    Invalid,
}
