namespace NonTax.Infrastructure.Projection;

/// <summary>
/// The fact kinds the projections read. They mirror the producers' names (<c>FactKinds</c> in
/// NonTax.Grains, the <c>outbound.*</c> kinds of the bank link), which this assembly cannot
/// reference; a test checks that every produced kind has a projector.
/// </summary>
public static class ProjectedFactKinds
{
    public const string NoticeIssued = "notice.issued";
    public const string NoticeVoided = "notice.voided";
    public const string NoticeConfirmed = "notice.confirmed";
    public const string NoticeDuplicate = "notice.duplicate";
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
}
