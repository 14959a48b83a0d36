using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Grains.Notices;

[GenerateSerializer]
public sealed class PaymentNoticeState : IJournaledState
{
    /// <summary>
    /// Business refunds a notice can hold (applied, rejected and finished ones alike): a payer is
    /// refunded a handful of times at most, and the cap keeps the state bounded. The history of
    /// each lives in business_refunds.
    /// </summary>
    public const int MaxBusinessRefunds = 20;

    /// <summary>Direct debits a notice can hold: a failed debit may be tried again, a few times, not forever.</summary>
    public const int MaxDirectDebits = 5;

    /// <summary>Banks resend within minutes; more keys would only grow the state.</summary>
    public const int MaxRecentRefusals = 16;

    /// <summary>Null while the code is unused.</summary>
    [Id(0)] public NoticeContent? Notice { get; set; }
    [Id(1)] public string CheckCode { get; set; } = "";
    [Id(2)] public NoticeStatus Status { get; set; }
    [Id(3)] public ConfirmationRecord? Revenue { get; set; }
    [Id(4)] public List<ConfirmationRecord> Duplicates { get; set; } = [];
    [Id(5)] public List<TechnicalRefund> Refunds { get; set; } = [];
    [Id(6)] public List<PendingInstruction> Outbox { get; set; } = [];
    // [Id(7)] retired, never reuse: the unbounded set of every refused attempt's key. Old state
    // still loads (the field is skipped); its attempts keep their facts and rows in SQL.
    // [Id(8)] retired: UnitInformed. Units no longer hear of each settlement; never reuse 8.
    [Id(9)] public DateOnly? SettledOn { get; set; }

    /// <summary>
    /// Refusals recorded (10003/10004/10005). A resend older than <see cref="RecentRefusals"/> is
    /// counted again, though its fact is not stored twice (its id is deterministic).
    /// </summary>
    [Id(16)] public int RefusedCount { get; set; }

    /// <summary>
    /// Keys ("src/traNoBus/result/amount") of the last <see cref="MaxRecentRefusals"/> refusals,
    /// oldest first: a resent refusal among them writes nothing at all.
    /// </summary>
    [Id(17)] public List<string> RecentRefusals { get; set; } = [];

    /// <summary>Business refunds (业务性退付), oldest first; at most <see cref="MaxBusinessRefunds"/>.</summary>
    [Id(140)] public List<BusinessRefund> BusinessRefunds { get; set; } = [];

    /// <summary>Direct debits (划缴) started, oldest first; at most <see cref="MaxDirectDebits"/>.</summary>
    [Id(141)] public List<DirectDebit> DirectDebits { get; set; } = [];

    /// <summary>The e-bill the notice was exchanged for (its identity only; the file is in nontax.ebills).</summary>
    [Id(150)] public IssuedEBill? EBill { get; set; }

    /// <summary>The red-letter bill that reversed <see cref="EBill"/>; a bill is reversed once.</summary>
    [Id(151)] public IssuedEBill? RedLetterEBill { get; set; }

    /// <summary>A number taken for a bill not stored yet; reused by the retry, cleared when the bill is stored.</summary>
    [Id(152)] public ReservedBillNumber? ReservedNumber { get; set; }

    // Never serialized: the storage provider drains it inside the write's transaction.
    [NonSerialized] private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;

    public bool HasUndelivered =>
        Outbox.Any(o => !o.HandedOver)
        || Refunds.Any(r => r.Status == RefundStatus.Pending && !r.HandedOver)
        || BusinessRefunds.Any(r => r.Status == BusinessRefundStatus.Approved && !r.HandedOver);

    /// <summary>What may still be refunded: the revenue taken less every business refund that holds its amount.</summary>
    public decimal Refundable =>
        (Revenue?.Confirmation.Amount ?? 0m) - BusinessRefunds.Where(r => r.HoldsAmount).Sum(r => r.Amount);
}
