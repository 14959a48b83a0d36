namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// The payload of one kind of <see cref="BusinessFact"/>: a record whose properties are the fact's
/// JSON fields (written and read through <see cref="FactJson"/>) and whose <see cref="Kind"/> is
/// the stable name stored in the <c>kind</c> column of business_facts.
/// </summary>
public interface IFact
{
    /// <summary>Stable machine name, e.g. <c>notice.issued</c>; never rename one that has been stored.</summary>
    static abstract string Kind { get; }
}
