using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.Journal;

/// <summary>
/// Base-data state whose changes are versioned and logged with who/when/before/after. The log is
/// the <c>basedata.changed</c> facts (projected to <c>base_data_changes</c>), not a list in the state.
/// </summary>
public interface IVersionedState : IJournaledState
{
    int Version { get; set; }
}
