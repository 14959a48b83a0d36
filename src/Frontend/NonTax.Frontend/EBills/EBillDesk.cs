using System.Globalization;
using System.Security.Claims;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;

namespace NonTax.Frontend.EBills;

/// <summary>
/// What staff do with e-bills, for the pages and the JSON API alike: exchange a paid notice for an
/// e-bill (one or a batch), reverse it (冲红), read a notice's bills. Each call checks the user's
/// organisation scope first (another unit's notice is "unknown", as everywhere), then the notice
/// grain decides — it signs with the unit's key through the issuer grain and takes a notice once,
/// also when two exchanges race — and each is written to the audit log with its outcome.
/// </summary>
public sealed class EBillDesk(IClusterClient cluster, NoticeDesk notices, IEBillArchive archive, AuditTrail audit, IConfiguration configuration)
{
    /// <summary>Most notices one batch takes.</summary>
    public const int MaxBatch = 500;

    /// <summary>The bill code an exchange uses when none is named (<c>EBills:DefaultBillCode</c>).</summary>
    public string DefaultBillCode => configuration["EBills:DefaultBillCode"] ?? "";

    public async Task<EBillExchangeLine> ExchangeAsync(ClaimsPrincipal user, string payCode, string? billCode)
    {
        var code = string.IsNullOrWhiteSpace(billCode) ? DefaultBillCode : billCode.Trim();
        var line = await ExchangeOneAsync(user, payCode, code);
        await audit.RecordAsync("ebill.exchange", payCode, line.Succeeded ? AuditTrail.Succeeded : AuditTrail.Refused,
            line.Bill is { } bill ? $"{line.Status} {bill}" : $"{line.Status} {line.Code}");
        return line;
    }

    /// <summary>Each notice on its own (a few at a time), so one refusal leaves the others exchanged; lines in the order given.</summary>
    public async Task<EBillBatchReport> ExchangeBatchAsync(ClaimsPrincipal user, IReadOnlyList<string> payCodes, string? billCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payCodes);
        var code = string.IsNullOrWhiteSpace(billCode) ? DefaultBillCode : billCode.Trim();
        var lines = new EBillExchangeLine[payCodes.Count];
        await Parallel.ForAsync(0, payCodes.Count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, _) => lines[i] = await ExchangeOneAsync(user, payCodes[i].Trim(), code));
        var report = new EBillBatchReport(lines);
        await audit.RecordAsync("ebill.exchange_batch", code, AuditTrail.Succeeded, string.Create(CultureInfo.InvariantCulture,
            $"{payCodes.Count} notices: {report.Exchanged} exchanged, {report.AlreadyExchanged} already, {report.NotPaid} not paid, {report.NoStock} no stock, {report.Other} other"));
        return report;
    }

    public async Task<EBillExchangeLine> ReverseAsync(ClaimsPrincipal user, string payCode, string? reason)
    {
        EBillExchangeLine line;
        if (await notices.FindAsync(user, payCode) is null)
        {
            line = new EBillExchangeLine(payCode, EBillExchangeStatus.Unknown, ResultCodes.UnknownPayCode, "no such notice in your organisation", null);
        }
        else if (string.IsNullOrWhiteSpace(reason))
        {
            line = new EBillExchangeLine(payCode, EBillExchangeStatus.Refused, ResultCodes.MalformedField, "reason: required", null);
        }
        else
        {
            var outcome = await cluster.GetGrain<IPaymentNoticeGrain>(payCode).ReverseEBill(UserScope.Of(user).UserName, reason.Trim());
            var status = outcome.Succeeded
                ? outcome.Repeated ? EBillExchangeStatus.AlreadyReversed : EBillExchangeStatus.Reversed
                : EBillExchangeStatus.Refused;
            line = new EBillExchangeLine(payCode, status, outcome.Code, outcome.Message, outcome.Bill?.Key);
        }

        await audit.RecordAsync("ebill.reverse", payCode, line.Succeeded ? AuditTrail.Succeeded : AuditTrail.Refused,
            line.Bill is { } bill ? $"{line.Status} {bill}" : $"{line.Status} {line.Code}");
        return line;
    }

    /// <summary>The notice's bills (blue first, then its reversal), or null when the notice is unknown or outside the user's organisation.</summary>
    public async Task<IReadOnlyList<StoredEBill>?> ForNoticeAsync(ClaimsPrincipal user, string payCode, CancellationToken cancellationToken = default) =>
        await notices.FindAsync(user, payCode) is null ? null : await archive.ForNoticeAsync(payCode, cancellationToken);

    /// <summary>The bill "{code}-{number}" when it belongs to a unit the user reaches, else null.</summary>
    public async Task<StoredEBill?> FindAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken = default)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        if (dash != 8 || !long.TryParse(key.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var bill = await archive.FindAsync(key[..dash], number, cancellationToken);
        return bill is not null && UserScope.Of(user).Reaches(bill.UnitCode) ? bill : null;
    }

    private async Task<EBillExchangeLine> ExchangeOneAsync(ClaimsPrincipal user, string payCode, string billCode)
    {
        var record = await notices.FindAsync(user, payCode);
        if (record is null)
        {
            return new EBillExchangeLine(payCode, EBillExchangeStatus.Unknown, ResultCodes.UnknownPayCode, "no such notice in your organisation", null);
        }

        if (record.Details.Status != NoticeStatus.Paid)
        {
            return new EBillExchangeLine(payCode, EBillExchangeStatus.NotPaid, ResultCodes.NotAllowed, "only a paid notice is exchanged for an e-bill", null);
        }

        var outcome = await cluster.GetGrain<IPaymentNoticeGrain>(payCode).ExchangeEBill(billCode, UserScope.Of(user).UserName);
        var status = outcome switch
        {
            { Succeeded: true, Repeated: true } => EBillExchangeStatus.AlreadyExchanged,
            { Succeeded: true } => EBillExchangeStatus.Exchanged,
            { Code: ResultCodes.BillStockExhausted } => EBillExchangeStatus.NoStock,
            _ => EBillExchangeStatus.Refused,
        };
        return new EBillExchangeLine(payCode, status, outcome.Code, outcome.Message, outcome.Bill?.Key);
    }
}
