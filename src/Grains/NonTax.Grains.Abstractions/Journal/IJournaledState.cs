namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// Implemented by grain state classes whose changes produce business facts. The property must
/// not carry an Orleans <c>[Id]</c> so it is never serialized with the state.
/// </summary>
public interface IJournaledState
{
    JournalBuffer Journal { get; }
}
