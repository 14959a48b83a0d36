using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// One bank's day of remittance. Bounded: counters and watermarks only. The day's instructions
/// (one per payment and budget level for direct remittance, so as many as payments) live in
/// <c>remittances</c> / <c>remittance_lines</c>; the grain pages through payments and instructions
/// in payment-code and RemitNo order and keeps how far it got.
/// </summary>
[GenerateSerializer]
[Alias("remittance.RemittanceDayState")]
public sealed class RemittanceDayState : IJournaledState
{
    [Id(0)] public RemittanceDayStatus Status { get; set; }

    [Id(1)] public int Instructions { get; set; }

    [Id(2)] public decimal Amount { get; set; }

    [Id(3)] public int Remitted { get; set; }

    [Id(4)] public int Failed { get; set; }

    [Id(5)] public string? WaitingFor { get; set; }

    /// <summary>The last payment code whose direct remittances are recorded (payments are paged in code order).</summary>
    [Id(6)] public string? DirectThrough { get; set; }

    /// <summary>Outbox watermark: every instruction with a RemitNo up to this one was enqueued on the bank's link (which is idempotent on RemitNo).</summary>
    [Id(7)] public string? HandedOverThrough { get; set; }

    [Id(8)] public DateTimeOffset? InstructedAt { get; set; }

    [Id(9)] public bool OverdueAlerted { get; set; }

    /// <summary>Units told which of the day's notices are remitted, up to this payment code.</summary>
    [Id(10)] public string? UnitsToldThrough { get; set; }

    [Id(11)] public bool UnitsTold { get; set; }

    /// <summary>Write number of the day, carried by remittance.day_changed so the projection keeps the newest.</summary>
    [Id(12)] public int Version { get; set; }

    /// <summary>Refused instructions finance re-sent (each replaced by a new RemitNo; the refused one no longer counts as failed).</summary>
    [Id(13)] public int Resends { get; set; }

    /// <summary>
    /// Re-sends recorded but not yet handed to the bank's link. Bounded by the day's refused
    /// instructions and emptied by the hand-over that follows the commit (or the next tick): a
    /// re-send's RemitNo may sort before the hand-over watermark, so it cannot wait for it.
    /// </summary>
    [Id(14)] public HashSet<string> ResendsToHandOver { get; set; } = [];

    [NonSerialized]
    private JournalBuffer? _journal;

    /// <summary>Never serialized; created on first use because deserialization may skip initializers.</summary>
    public JournalBuffer Journal => _journal ??= new();
}
