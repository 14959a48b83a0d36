using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Notices;

/// <summary>A notice as banks (2601) and staff see it on a given date: what is due, and whether it expired.</summary>
internal static class NoticeDescription
{
    public static NoticeAsOf Of(PaymentNoticeState state, DateOnly asOf)
    {
        var n = state.Notice!;
        // A paid notice shows what was actually paid; an open one what is due on the date asked.
        var lateFee = state.Status == NoticeStatus.Paid && state.Revenue is { } paid ? paid.Confirmation.Amount - n.Amount : AmountDue.LateFee(n, asOf);
        var expired = state.Status == NoticeStatus.Unpaid && AmountDue.IsExpired(n, asOf);
        return new NoticeAsOf(n.PayCode, n.UnitCode, n.UnitName, n.RegionCode, n.IssueDate, n.DueDate, n.LastPayableDate,
            n.Payer, n.Payee, n.Lines, n.Amount, lateFee, n.Amount + lateFee, state.Status, expired, n.Memo, n.ConfirmBack, n.IssuerNode);
    }
}
