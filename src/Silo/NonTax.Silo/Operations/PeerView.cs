using NonTax.Infrastructure.Peers;
using NonTax.Protocol.Nodes;

namespace NonTax.Silo.Operations;

/// <summary>A peer as the operator API shows it: everything but its tokens.</summary>
public sealed record PeerView(
    string NodeCode,
    NodeKind Kind,
    string Name,
    string? EndpointHost,
    int? EndpointPort,
    IReadOnlyList<string> AllowedNetworks,
    IReadOnlyList<string> ActingUnits,
    bool Enabled,
    int Version,
    DateTimeOffset? PreviousTokenExpiresAt)
{
    public static PeerView From(Peer peer) => new(
        peer.NodeCode,
        peer.Kind,
        peer.Name,
        peer.Endpoint?.Host,
        peer.Endpoint?.Port,
        peer.AllowedNetworks.Select(n => n.ToString()).ToArray(),
        peer.ActingUnits,
        peer.Enabled,
        peer.Version,
        peer.PreviousToken is null ? null : peer.PreviousTokenExpiresAt);
}
