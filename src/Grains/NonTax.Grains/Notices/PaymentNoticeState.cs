using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Notices;

[GenerateSerializer]
public sealed class PaymentNoticeState : IJournaledState
{
    /// <summary>Null while the code is unused.</summary>
    [Id(0)] public NoticeIssue? Notice { get; set; }
    [Id(1)] public string CheckCode { get; set; } = "";
    [Id(2)] public NoticeStatus Status { get; set; }
    [Id(3)] public ConfirmationRecord? Revenue { get; set; }
    [Id(4)] public List<ConfirmationRecord> Duplicates { get; set; } = [];
    [Id(5)] public List<TechnicalRefund> Refunds { get; set; } = [];
    [Id(6)] public List<PendingInstruction> Outbox { get; set; } = [];
    /// <summary>"src/traNoBus/result" of refused attempts already recorded, so a resent refusal records nothing new.</summary>
    [Id(7)] public HashSet<string> RefusedAttempts { get; set; } = [];
    // [Id(8)] retired: UnitInformed. Units no longer hear of each settlement; never reuse 8.
    [Id(9)] public DateOnly? SettledOn { get; set; }

    // Never serialized: the storage provider drains it inside the write's transaction.
    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;

    public bool HasUndelivered =>
        Outbox.Any(o => !o.HandedOver) || Refunds.Any(r => r.Status == RefundStatus.Pending && !r.HandedOver);
}
