using System.Globalization;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Abstractions.Refunds;
using NonTax.Grains.Hosting;

namespace NonTax.Grains.Refunds;

/// <summary>
/// Stuck refunds: a 5617 instructed more than <see cref="RefundOptions.StuckAfter"/> ago whose 2617
/// has not come raises alert <c>refund.stuck</c> (key <c>refund.stuck:{refundNo}</c>, so a refund
/// is alerted once however many ticks find it). The refunds come from the projection; the alert is
/// recorded through the fact journal, since no grain state changes. Each check first closes the
/// alerts of stuck refunds whose result has come since.
/// </summary>
public sealed class RefundWatchGrain(IRefundLog refunds, IFactJournal journal, TimeProvider clock, IOptions<RefundOptions> options)
    : Grain, IRefundWatchGrain, IRemindable
{
    private const string WatchReminder = "watch";
    private const int PageSize = 500;

    public async Task Start()
    {
        var period = options.Value.WatchPeriod < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : options.Value.WatchPeriod;
        await this.RegisterOrUpdateReminder(WatchReminder, period, period);
    }

    public async Task<int> Check()
    {
        await CloseSettledAsync();
        var limit = options.Value.StuckAfter;
        var stuck = await refunds.StuckAsync(limit, PageSize);
        if (stuck.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var hours = limit.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
        var facts = stuck.Select(r => new AlertRaised(
                "refund.stuck",
                r.RefundNo,
                $"退付 {r.RefundNo}（{(r.Kind == "business" ? "业务性" : "技术性")}，{MoneyMath.Format(r.Amount)} 元）已发 {r.Bank}，超过 {hours} 小时未收到 2617",
                $"5617 instructed {r.InstructedAt:u} to {r.Bank}; notice {r.PayCode}, unit {r.UnitCode}",
                AlertSeverity.Warning)
            .ToFact($"refund.stuck:{r.RefundNo}", now))
            .ToList();
        await journal.RecordAsync(facts);
        return stuck.Count;
    }

    /// <summary>
    /// A stuck refund whose 2617 came after all needs nobody any more: its alert is closed by the
    /// system (alert.closed, so the SMS stops and the wall shows it closed), once — the fact id is
    /// the alert's and a closed alert is not found again.
    /// </summary>
    private async Task CloseSettledAsync()
    {
        var settled = await refunds.SettledStuckAlertsAsync(PageSize);
        if (settled.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await journal.RecordAsync([.. settled.Select(s => BusinessFact.Create(s.AlertId, s.AlertId, now,
            new AlertClosed(s.AlertId, "system", $"退付 {s.RefundNo} 已收到 2617（{(s.Status == "completed" ? "已退付" : "退付失败")}） / refund {s.RefundNo} {s.Status}")))]);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == WatchReminder ? Check() : Task.CompletedTask;
}
