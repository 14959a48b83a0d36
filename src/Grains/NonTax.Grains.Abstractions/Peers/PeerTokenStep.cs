namespace NonTax.Grains.Abstractions.Peers;

/// <summary>The result of one step of a token change, with what the caller's audit entry names.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="ProposalId">The proposal made or decided (none when a proposal was refused).</param>
/// <param name="NodeCode">The peer concerned, when known.</param>
/// <param name="Proposer">Who proposed the change, for a decision.</param>
/// <param name="Detail">Why a step was refused or failed, in words for the audit log; never the token.</param>
[GenerateSerializer, Immutable]
[Alias("peers.PeerTokenStep")]
public sealed record PeerTokenStep(
    [property: Id(0)] PeerTokenOutcome Outcome,
    [property: Id(1)] long? ProposalId,
    [property: Id(2)] string? NodeCode,
    [property: Id(3)] string? Proposer,
    [property: Id(4)] string? Detail);
