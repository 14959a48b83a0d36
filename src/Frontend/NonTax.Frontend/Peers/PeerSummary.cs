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
    DateTimeOffset? PreviousTokenValidUntil);
