using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// One bank's day of clearing. Bounded: the rows are one per (account paid into, item, share),
/// so their number is fixed by the item catalogue and the rules, not by payments; payments stay in
/// the projection and are read by SQL.
/// </summary>
[GenerateSerializer]
[Alias("clearing.ClearingDayState")]
public sealed class ClearingDayState : IJournaledState
{
    [Id(0)] public ClearingDayStatus Status { get; set; }

    [Id(1)] public List<ClearingLine> Lines { get; set; } = [];

    [Id(2)] public decimal Amount { get; set; }

    /// <summary>Outbox mark: the 5614 was enqueued on the bank's link (the link is idempotent on ClearNo).</summary>
    [Id(3)] public bool HandedOver { get; set; }

    [Id(4)] public DateTimeOffset? InstructedAt { get; set; }

    [Id(5)] public string? Result { get; set; }

    [Id(6)] public string? WaitingFor { get; set; }

    [Id(7)] public bool OverdueAlerted { get; set; }

    [NonSerialized]
    private JournalBuffer? _journal;

    /// <summary>Never serialized; created on first use because deserialization may skip initializers.</summary>
    public JournalBuffer Journal => _journal ??= new();
}

/// <summary>One row of the day's 5614.</summary>
[GenerateSerializer, Immutable]
[Alias("clearing.ClearingLine")]
public sealed record ClearingLine(
    [property: Id(0)] int LineNo,
    [property: Id(1)] string PayAcct,
    [property: Id(2)] string RecAcct,
    [property: Id(3)] string RecAcctName,
    [property: Id(4)] string RecBankNo,
    [property: Id(5)] string ItemCode,
    [property: Id(6)] string FundType,
    [property: Id(7)] int BudgetLevel,
    [property: Id(8)] decimal Amount,
    [property: Id(9)] int RuleVersion);
