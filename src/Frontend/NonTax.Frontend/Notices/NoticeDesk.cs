using System.Security.Claims;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Codes;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;

namespace NonTax.Frontend.Notices;

/// <summary>
/// What staff do to notices, for the pages and the JSON API alike: issue one, issue a batch, void,
/// read one. Each call checks the user's organisation scope, goes to the grains (the notice rules
/// live there) and is written to the audit log with its outcome.
/// </summary>
public sealed class NoticeDesk(IClusterClient cluster, AuditTrail audit, TimeProvider clock)
{
    public async Task<IssueResult> IssueAsync(ClaimsPrincipal user, string unitCode, NoticeDraft draft)
    {
        var scope = UserScope.Of(user);
        if (!scope.Reaches(unitCode))
        {
            await audit.RecordAsync("notice.issue", unitCode, AuditTrail.Refused, "unit outside the user's organisation");
            return new IssueResult(ResultCodes.NotAllowed, Information: "unit outside your organisation");
        }

        var result = await cluster.GetGrain<ICollectingUnitGrain>(unitCode).Issue(draft with { OperatorName = scope.UserName });
        await audit.RecordAsync("notice.issue", result.PayCode ?? unitCode, result.Succeeded ? AuditTrail.Succeeded : AuditTrail.Refused,
            result.Succeeded ? $"unit {unitCode}, amount {draft.Amount:0.00}" : $"unit {unitCode}: {result.ResultCode} {result.Information}");
        return result;
    }

    /// <summary>Issues the good rows of an import; each row is issued on its own, so one refusal leaves the others issued.</summary>
    public async Task<BatchIssueReport> IssueBatchAsync(ClaimsPrincipal user, string unitCode, IReadOnlyList<NoticeDraft> drafts)
    {
        var scope = UserScope.Of(user);
        if (!scope.Reaches(unitCode))
        {
            await audit.RecordAsync("notice.import", unitCode, AuditTrail.Refused, "unit outside the user's organisation");
            return new BatchIssueReport(drafts.Select(_ => new IssueResult(ResultCodes.NotAllowed, Information: "unit outside your organisation")).ToArray());
        }

        var report = await cluster.GetGrain<ICollectingUnitGrain>(unitCode)
            .IssueBatch(drafts.Select(d => d with { OperatorName = scope.UserName }).ToArray());
        await audit.RecordAsync("notice.import", unitCode, AuditTrail.Succeeded, $"{report.Issued} issued, {report.Refused} refused");
        return report;
    }

    public async Task<string> VoidAsync(ClaimsPrincipal user, string payCode, string reason)
    {
        var scope = UserScope.Of(user);
        var record = await FindAsync(user, payCode);
        if (record is null)
        {
            await audit.RecordAsync("notice.void", payCode, AuditTrail.Refused, "unknown or outside the user's organisation");
            return ResultCodes.UnknownPayCode;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ResultCodes.MalformedField;
        }

        var result = await cluster.GetGrain<ICollectingUnitGrain>(record.Details.UnitCode).VoidNotice(payCode, scope.UserName, reason.Trim());
        await audit.RecordAsync("notice.void", payCode, result == ResultCodes.Success ? AuditTrail.Succeeded : AuditTrail.Refused, result);
        return result;
    }

    /// <summary>The notice, or null when it does not exist or lies outside the user's organisation.</summary>
    public async Task<NoticeRecord?> FindAsync(ClaimsPrincipal user, string payCode)
    {
        if (!PayCode.IsWellFormed(payCode))
        {
            return null;
        }

        var record = await cluster.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails();
        return record is not null && UserScope.Of(user).Reaches(record.Details.UnitCode) ? record : null;
    }

    /// <summary>The notice as of today (CST): late fee and amount due included.</summary>
    public Task<NoticeQuote> QuoteAsync(string payCode, string? checkCode = null) =>
        cluster.GetGrain<IPaymentNoticeGrain>(payCode).Query(ChinaTime.Today(clock), checkCode);
}
