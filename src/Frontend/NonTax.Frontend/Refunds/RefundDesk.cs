using System.Security.Claims;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Frontend.Refunds;

/// <summary>
/// Business refunds (业务性退付) for the pages and the JSON API: a unit applies for a refund of its
/// paid notice, finance approves or rejects it, everyone tracks every refund (technical ones too).
/// The same notice grain calls and <see cref="IRefundLog"/> projection the operator API uses; a
/// unit's user reaches only the unit's own refunds; every step is audited.
/// </summary>
public sealed class RefundDesk(IClusterClient cluster, IRefundLog log, AuditTrail audit)
{
    public Task<IReadOnlyList<RefundView>> ListAsync(ClaimsPrincipal user, RefundFilter filter, CancellationToken cancellationToken = default)
    {
        var scope = UserScope.Of(user);
        // A unit's user sees their unit's refunds whatever unit the filter names.
        return log.ListAsync(scope.IsUnitUser ? filter with { UnitCode = scope.UnitCode } : filter, cancellationToken);
    }

    public async Task<RefundDecision> ApplyAsync(ClaimsPrincipal user, string payCode, string applicationNo, string unitCode, decimal amount, string reason)
    {
        var scope = UserScope.Of(user);
        if (!IsPayCode(payCode))
        {
            await audit.RecordAsync("refund.apply", payCode, AuditTrail.Refused, "not a payment code");
            return new RefundDecision(RefundDecisionOutcome.Invalid, Information: "not a payment code");
        }

        if (!scope.Reaches(unitCode))
        {
            await audit.RecordAsync("refund.apply", payCode, AuditTrail.Refused, "unit outside the user's organisation");
            return new RefundDecision(RefundDecisionOutcome.WrongUnit, Information: "unit outside your organisation");
        }

        var decision = await cluster.GetGrain<IPaymentNoticeGrain>(payCode)
            .ApplyRefund(new RefundApplication(applicationNo.Trim(), unitCode, amount, reason.Trim(), scope.UserName));
        await audit.RecordAsync("refund.apply", decision.Refund?.RefundNo ?? payCode, decision.Accepted ? AuditTrail.Succeeded : AuditTrail.Refused,
            decision.Accepted ? $"unit {unitCode}, amount {amount:0.00}, application {applicationNo}" : $"{decision.Outcome}: {decision.Information}");
        return decision;
    }

    public async Task<RefundDecision> ApproveAsync(ClaimsPrincipal user, string refundNo, string? note)
    {
        if (!IsBusinessRefundNo(refundNo))
        {
            await audit.RecordAsync("refund.approve", refundNo, AuditTrail.Refused, "not a business refund number");
            return new RefundDecision(RefundDecisionOutcome.Invalid, Information: "not a business refund number");
        }

        var decision = await cluster.GetGrain<IPaymentNoticeGrain>(RefundNumbers.PayCodeOf(refundNo))
            .ApproveRefund(refundNo, UserScope.Of(user).UserName, Trim(note));
        await audit.RecordAsync("refund.approve", refundNo, decision.Accepted ? AuditTrail.Succeeded : AuditTrail.Refused,
            decision.Accepted ? $"amount {decision.Refund?.Amount:0.00}, bank {decision.Refund?.BankNode}" : $"{decision.Outcome}: {decision.Information}");
        return decision;
    }

    public async Task<RefundDecision> RejectAsync(ClaimsPrincipal user, string refundNo, string? reason)
    {
        if (!IsBusinessRefundNo(refundNo) || string.IsNullOrWhiteSpace(reason))
        {
            await audit.RecordAsync("refund.reject", refundNo, AuditTrail.Refused, "a business refund number and a reason are required");
            return new RefundDecision(RefundDecisionOutcome.Invalid, Information: "a business refund number and a reason are required");
        }

        var decision = await cluster.GetGrain<IPaymentNoticeGrain>(RefundNumbers.PayCodeOf(refundNo))
            .RejectRefund(refundNo, UserScope.Of(user).UserName, reason.Trim());
        await audit.RecordAsync("refund.reject", refundNo, decision.Accepted ? AuditTrail.Succeeded : AuditTrail.Refused,
            decision.Accepted ? null : $"{decision.Outcome}: {decision.Information}");
        return decision;
    }

    public static bool IsPayCode(string? payCode) => payCode is { Length: 20 } && payCode.All(char.IsAsciiDigit);

    private static bool IsBusinessRefundNo(string? refundNo) => RefundNumbers.IsWellFormed(refundNo) && RefundNumbers.IsBusiness(refundNo!);

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
