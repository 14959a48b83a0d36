namespace NonTax.Frontend.Peers;

/// <summary>
/// A proposed token change as the pages and the API show it: never the token itself, only its length.
/// Status is <c>pending</c>, <c>approved</c>, <c>rejected</c> or <c>failed</c>.
/// </summary>
public sealed record PeerTokenProposal(
    long Id,
    string NodeCode,
    int TokenLength,
    int GraceSeconds,
    int BaseVersion,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    string Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote)
{
    public bool IsPending => Status == PeerTokenChanges.Pending;
}
