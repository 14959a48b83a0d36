using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.Bills;

/// <summary>
/// One range's state: who holds it and a watermark of how far it was taken, never a list of its
/// numbers (docs/architecture.md "Bill stock"); per-number rows live in <c>bill_numbers</c>.
/// </summary>
[GenerateSerializer]
public sealed class BillRangeState : IJournaledState
{
    [Id(0)] public BillNumberRange? Range { get; set; }
    [Id(1)] public BillMedium Medium { get; set; }
    [Id(2)] public string Holder { get; set; } = "";
    [Id(3)] public bool HeldByUnit { get; set; }
    [Id(4)] public string FinanceNode { get; set; } = "";
    [Id(5)] public long NextUnused { get; set; }
    [Id(6)] public long Voided { get; set; }
    [Id(7)] public long WrittenOffThrough { get; set; }
    [Id(8)] public int Version { get; set; }

    /// <summary>The tail split off by the last movement whose grain is not yet created (at most one).</summary>
    [Id(9)] public PendingSplit? PendingSplit { get; set; }

    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}

/// <summary>A split-off tail to create as its own range grain, kept until that grain confirms it.</summary>
[GenerateSerializer, Immutable]
public sealed record PendingSplit(
    [property: Id(0)] BillNumberRange Range,
    [property: Id(1)] string Operator);
