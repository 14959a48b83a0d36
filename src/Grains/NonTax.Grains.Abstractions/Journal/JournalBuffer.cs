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

    /// <summary>The outbox's pending/empty mark to commit with the next write, if it changed.</summary>
    public HandOverMark? HandOver { get; private set; }

    public bool IsEmpty => _facts.Count == 0 && _claims.Count == 0 && HandOver is null;

    public void Record(BusinessFact fact) => _facts.Add(fact);
    public void Claim(UniqueClaim claim) => _claims.Add(claim);

    /// <summary>The last mark before a write wins: it describes the outbox as that write stores it.</summary>
    public void MarkHandOver(HandOverMark mark) => HandOver = mark;

    /// <summary>Called by the provider after a successful commit, or by a grain that abandons a change.</summary>
    public void Clear()
    {
        _facts.Clear();
        _claims.Clear();
        HandOver = null;
    }
}
