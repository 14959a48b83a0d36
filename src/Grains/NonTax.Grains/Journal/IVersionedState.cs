using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.Journal;

/// <summary>Base-data state whose changes are versioned and logged with who/when/before/after.</summary>
public interface IVersionedState : IJournaledState
{
    int Version { get; set; }
    List<BaseDataChange> History { get; }
}
