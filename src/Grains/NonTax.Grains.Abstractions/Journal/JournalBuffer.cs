namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// Facts and claims waiting to be committed together with the next state write. It lives on the
/// state object but is never serialized: the storage provider drains it inside the write's
/// transaction and clears it only after the commit succeeded.
/// </summary>
public sealed class JournalBuffer
{
    private readonly List<BusinessFact> _facts = [];
    private readonly List<UniqueClaim> _claims = [];

    public IReadOnlyList<BusinessFact> Facts => _facts;
    public IReadOnlyList<UniqueClaim> Claims => _claims;
    public bool IsEmpty => _facts.Count == 0 && _claims.Count == 0;

    public void Record(BusinessFact fact) => _facts.Add(fact);
    public void Claim(UniqueClaim claim) => _claims.Add(claim);

    /// <summary>Called by the provider after a successful commit, or by a grain that abandons a change.</summary>
    public void Clear()
    {
        _facts.Clear();
        _claims.Clear();
    }
}
