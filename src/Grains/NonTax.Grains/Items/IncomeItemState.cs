using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Journal;

namespace NonTax.Grains.Items;

[GenerateSerializer]
public sealed class IncomeItemState : IVersionedState
{
    [Id(0)] public IncomeItemDefinition? Definition { get; set; }
    [Id(1)] public int Version { get; set; }
    // [Id(2)] retired: History (one entry per change). The log is the basedata.changed facts;
    // old rows still load because the serializer skips an id the type no longer has. Never reuse 2.

    // Never serialized: the storage provider drains it inside the write's transaction.
    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}
