using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Notices;

/// <summary>
/// What a confirmation does to a notice, decided from the notice's state alone (no clock, no I/O),
/// so the grain only carries it out and the rules are tested without a cluster. The order is the
/// banks' contract: unknown code 10001, malformed 20001, a resend (the stored answer, or 20003 if
/// the amount differs), a duplicate of a paid notice, void 10003, expired 10004, wrong amount for
/// the CfmDate 10005, else revenue.
/// </summary>
/// <param name="Answer">The answer as things stand, when <paramref name="Path"/> is <see cref="ConfirmationPath.Answer"/>.</param>
/// <param name="Refusal">The result code, when <paramref name="Path"/> is <see cref="ConfirmationPath.Refusal"/>.</param>
internal sealed record ConfirmationDecision(ConfirmationPath Path, ConfirmationOutcome? Answer = null, string? Refusal = null)
{
    public static ConfirmationDecision Decide(PaymentNoticeState state, string payCode, ConfirmedPayment c)
    {
        if (state.Notice is not { } notice)
        {
            // No state is created for a code nobody issued.
            return Answered(new ConfirmationOutcome(ResultCodes.UnknownPayCode));
        }

        if (c.PayCode != payCode || !MoneyMath.IsValidAmount(c.Amount))
        {
            return Answered(new ConfirmationOutcome(ResultCodes.MalformedField, Information: c.PayCode != payCode ? "PayCode" : "Amt"));
        }

        var earlier = FindAccepted(state, ChannelKey(c.Src, c.TraNoBus));
        if (earlier is not null)
        {
            // A resend: the stored answer, unchanged, if it is really the same payment.
            return Answered(earlier.Confirmation.Amount == c.Amount
                ? earlier.Outcome
                : new ConfirmationOutcome(ResultCodes.TraNoBusReused, Information: "TraNoBus"));
        }

        if (state.Status == NoticeStatus.Paid)
        {
            return new ConfirmationDecision(ConfirmationPath.Duplicate);
        }

        var refusal = state.Status == NoticeStatus.Void ? ResultCodes.NoticeVoid
            : AmountDue.IsExpired(notice, c.CfmDate) ? ResultCodes.NoticeExpired
            : c.Amount != AmountDue.Total(notice, c.CfmDate) ? ResultCodes.AmountMismatch
            : null;
        return refusal is null
            ? new ConfirmationDecision(ConfirmationPath.Revenue)
            : new ConfirmationDecision(ConfirmationPath.Refusal, Refusal: refusal);
    }

    /// <summary>How a channel's transaction is known: "src/traNoBus" (TraNoBus is unique only within its sender).</summary>
    public static string ChannelKey(string src, string traNoBus) => $"{src}/{traNoBus}";

    private static ConfirmationRecord? FindAccepted(PaymentNoticeState state, string key)
    {
        if (state.Revenue is { } revenue && ChannelKey(revenue.Confirmation.Src, revenue.Confirmation.TraNoBus) == key)
        {
            return revenue;
        }

        return state.Duplicates.FirstOrDefault(d => ChannelKey(d.Confirmation.Src, d.Confirmation.TraNoBus) == key);
    }

    private static ConfirmationDecision Answered(ConfirmationOutcome answer) => new(ConfirmationPath.Answer, answer);
}
