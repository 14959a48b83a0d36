namespace NonTax.Infrastructure.Peers;

/// <summary>What a peers file holds: the rows that make usable peers, and the rows that do not.</summary>
public sealed record PeerFileContents(IReadOnlyList<PeerDefinition> Peers, IReadOnlyList<PeerFileRejection> Rejected);
