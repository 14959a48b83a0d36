namespace NonTax.Infrastructure.Peers;

/// <summary>The outcome of seeding peers from a file: the node codes added (absent before) and the rows skipped.</summary>
public sealed record PeerSeedReport(IReadOnlyList<string> Added, IReadOnlyList<PeerFileRejection> Rejected);
