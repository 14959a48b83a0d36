using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.BankAccounts;

/// <summary>
/// Bounded: the account's summary only (last day closed, the balances at its end, a counter and
/// the write number); its days are rows of <c>bank_account_days</c>.
/// </summary>
[GenerateSerializer]
[Alias("bankaccount.BankAccountState")]
public sealed class BankAccountState : IJournaledState
{
    /// <summary>Write number; each day_closed fact carries it.</summary>
    [Id(0)] public int Version { get; set; }
    [Id(1)] public DateOnly? LastClosedDay { get; set; }
    /// <summary>The expected closing balance of <see cref="LastClosedDay"/>: the running expected balance.</summary>
    [Id(2)] public decimal? ExpectedBalance { get; set; }
    [Id(3)] public decimal? BankBalance { get; set; }
    /// <summary>Whether the bank stated <see cref="LastClosedDay"/> with the closing balance the system expects.</summary>
    [Id(4)] public bool LastDayMatches { get; set; }
    /// <summary>Day closings so far (a day recomputed by a corrected file is closed, and counted, again).</summary>
    [Id(5)] public int Closings { get; set; }

    [NonSerialized] private JournalBuffer? _journal;

    /// <summary>Never serialized; created on first use because deserialization may skip initializers.</summary>
    public JournalBuffer Journal => _journal ??= new();
}
