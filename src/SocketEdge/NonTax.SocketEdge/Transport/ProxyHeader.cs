using System.Net;

namespace NonTax.SocketEdge.Transport;

/// <summary>
/// What a PROXY header said about the connection behind the balancer.
/// </summary>
/// <param name="Source">The bank's address; null for LOCAL / UNKNOWN / UNSPEC ("use the socket's address").</param>
/// <param name="UniqueId">PP2_TYPE_UNIQUE_ID (0x05): the balancer's id of this connection (≤ 128 bytes), for tracing it across both logs.</param>
/// <param name="Authority">PP2_TYPE_AUTHORITY (0x02): the host name the client asked for (TLS SNI), UTF-8.</param>
/// <param name="Ssl">PP2_TYPE_SSL (0x20): how the balancer terminated TLS, when it did.</param>
public sealed record ProxyHeader(IPEndPoint? Source, byte[]? UniqueId = null, string? Authority = null, ProxySslInfo? Ssl = null)
{
    public static readonly ProxyHeader None = new((IPEndPoint?)null);

    /// <summary>Key of the connection's <c>Items</c> entry holding the header, on connections through a balancer.</summary>
    public const string ConnectionItemKey = "nontax.proxy-header";

    /// <summary>The unique id as hex, for a log scope; null when the balancer sent none.</summary>
    public string? UniqueIdHex => UniqueId is null ? null : Convert.ToHexString(UniqueId);
}
