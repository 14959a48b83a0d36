namespace NonTax.Grains.Abstractions.Peers;

/// <summary>What became of a request about a peer's token change (propose, approve, reject).</summary>
[GenerateSerializer]
[Alias("peers.PeerTokenOutcome")]
public enum PeerTokenOutcome
{
    Proposed,
    Approved,
    Rejected,

    /// <summary>The token is not 8–64 printable ASCII characters other than space.</summary>
    InvalidToken,

    /// <summary>The grace period is negative or longer than allowed.</summary>
    InvalidGrace,
    UnknownPeer,

    /// <summary>The peer already has a token change waiting for approval.</summary>
    AlreadyPending,

    /// <summary>No pending proposal with that id (decided already, or never made).</summary>
    NotPending,

    /// <summary>The one who proposed a change may not approve or reject it (maker-checker).</summary>
    OwnProposal,

    /// <summary>The peer changed after the proposal was made (e.g. its own 2003); the proposal is closed as failed.</summary>
    PeerChanged,
}
