namespace NonTax.Infrastructure.Peers;

/// <summary>What became of an edit or a rotation asked of the <see cref="PeerRegistry"/>.</summary>
public enum PeerUpdateOutcome
{
    Updated,

    /// <summary>No peer has this node code.</summary>
    NotFound,

    /// <summary>The peer changed since the version the operator saw; reload and decide again.</summary>
    VersionConflict,
}
