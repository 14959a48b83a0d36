namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// Stable names of the business facts grains journal (the <c>kind</c> column of business_facts).
/// Producers (grains) and readers (the relational projections) share this one list.
/// </summary>
public static class FactKinds
{
    public const string NoticeIssued = "notice.issued";
    public const string NoticeVoided = "notice.voided";
    public const string NoticeConfirmed = "notice.confirmed";
    public const string NoticeDuplicate = "notice.duplicate";
    /// <summary>A paid notice's money reached the treasury or account (told to its unit by remittance).</summary>
    public const string NoticeRemitted = "notice.remitted";
    public const string ConfirmationRefused = "notice.confirmation_refused";
    public const string RefundPending = "refund.pending";
    public const string RefundCompleted = "refund.completed";
    public const string RefundFailed = "refund.failed";
    public const string UnitBlocked = "unit.blocked";
    public const string UnitUnblocked = "unit.unblocked";
    public const string BaseDataChanged = "basedata.changed";
    public const string OutboundQueued = "outbound.queued";
    public const string OutboundDelivered = "outbound.delivered";
    public const string OutboundRetried = "outbound.retried";
    public const string OutboundClosed = "outbound.closed";
    public const string OutboundDead = "outbound.dead";
    public const string BaseDataPushed = "basedata.pushed";
}
