namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>What a staff resolution of a difference did.</summary>
public enum ResolveOutcome
{
    /// <summary>Recorded now.</summary>
    Resolved,

    /// <summary>It was already resolved (nothing changed; the first resolution stands).</summary>
    AlreadyResolved,

    /// <summary>A corrected file cleared it; nothing to resolve.</summary>
    Cleared,

    /// <summary>The day has no difference with that id.</summary>
    Unknown,
}
