using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// Bounded: the movements themselves live in <c>account_movements</c> (projected from the facts)
/// and their keys in unique claims; the grain keeps only counters for the operator.
/// </summary>
[GenerateSerializer]
[Alias("moneyflow.AccountMovementsState")]
public sealed class AccountMovementsState : IJournaledState
{
    [Id(0)] public long ReportsRecorded { get; set; }

    [Id(1)] public DateTimeOffset? LastRecordedAt { get; set; }

    [NonSerialized]
    private JournalBuffer? _journal;

    /// <summary>Never serialized; created on first use because deserialization may skip initializers.</summary>
    public JournalBuffer Journal => _journal ??= new();
}
