using NonTax.Infrastructure.Peers;

namespace NonTax.Frontend.Peers;

/// <summary>A peer as staff see it: never a token, only when the previous one stops being accepted.</summary>
public sealed record PeerSummary(
    string NodeCode,
    string Kind,
    string Name,
    string? Endpoint,
    IReadOnlyList<string> AllowedNetworks,
    IReadOnlyList<string> ActingUnits,
    bool Enabled,
    int Version,
    DateTimeOffset? PreviousTokenValidUntil)
{
    public static PeerSummary From(Peer peer, DateTimeOffset now) => new(
        peer.NodeCode,
        peer.Kind.ToString(),
        peer.Name,
        peer.Endpoint is { } e ? $"{e.Host}:{e.Port}" : null,
        peer.AllowedNetworks.Select(n => n.ToString()).ToArray(),
        peer.ActingUnits,
        peer.Enabled,
        peer.Version,
        peer.PreviousToken is not null && peer.PreviousTokenExpiresAt > now ? peer.PreviousTokenExpiresAt : null);
}
