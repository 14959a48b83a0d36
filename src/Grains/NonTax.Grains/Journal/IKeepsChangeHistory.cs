using NonTax.Grains.Abstractions.Bureau;

namespace NonTax.Grains.Journal;

/// <summary>
/// A versioned state that still keeps its change log in itself (the bureau, which answers
/// <c>GetChangeLog</c> from it). Base data changes rarely, but the list still grows with every
/// change; reading <c>base_data_changes</c> instead is the bounded way (docs/architecture.md, "Bounded state").
/// </summary>
public interface IKeepsChangeHistory : IVersionedState
{
    List<BaseDataChange> History { get; }
}
