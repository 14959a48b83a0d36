using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Refunds;
using NonTax.Grains.Abstractions.Units;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Results;
using Npgsql;

namespace NonTax.Integration.Tests.Alerts;

/// <summary>
/// Alerts reach the duty roster by SMS through the durable outbox, once per alert and recipient
/// however often the dispatcher runs, retried while the gateway fails, never after staff took the
/// alert on; every alert is also a NOTIFY on nontax_alerts; a stuck refund raises one.
/// </summary>
public sealed class AlertSmsTests(AlertSmsFixture system) : IClassFixture<AlertSmsFixture>, IDisposable
{
    private readonly HttpClient _http = Client(system);

    private static HttpClient Client(AlertSmsFixture system) =>
        OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken, "wang.wu");

    public void Dispose() => _http.Dispose();

    private IAlertDispatcherGrain Dispatcher => system.Grains.GetGrain<IAlertDispatcherGrain>(IAlertDispatcherGrain.ClusterKey);

    private async Task<string> RaiseAsync(string kind, AlertSeverity severity = AlertSeverity.Warning)
    {
        var subject = "D" + Guid.NewGuid().ToString("N")[..10];
        var key = $"{kind}:{subject}:2026-12-01";
        var journal = system.SiloServices.GetRequiredService<IFactJournal>();
        await journal.RecordAsync([new AlertRaised(kind, subject, $"{subject} 对账文件未到", null, severity).ToFact(key, DateTimeOffset.UtcNow)]);
        return $"alert.raised:{key}";
    }

    private async Task<string?> SmsStatusAsync(string alertId, string phone) =>
        await system.Database.ScalarAsync<string>("SELECT status FROM nontax.alert_sms WHERE alert_id = $1 AND phone = $2", alertId, phone);

    [Fact]
    public async Task An_alert_is_sent_once_per_recipient_however_often_the_dispatcher_runs()
    {
        var alertId = await RaiseAsync("reconciliation.missing-file");

        await Dispatcher.Dispatch();
        await Dispatcher.Dispatch();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Dispatcher.Dispatch()));

        Assert.Equal(1, system.Gateway.AcceptedFor($"{alertId}|{AlertSmsFixture.DutyPhone}"));
        Assert.Equal(1, system.Gateway.RequestsFor($"{alertId}|{AlertSmsFixture.DutyPhone}"));
        // Only the duty role takes reconciliation alerts here; finance is not woken.
        Assert.Equal(0, system.Gateway.RequestsFor($"{alertId}|{AlertSmsFixture.FinancePhone}"));
        Assert.Equal("sent", await SmsStatusAsync(alertId, AlertSmsFixture.DutyPhone));
        Assert.Equal(1L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.alert_sms WHERE alert_id = $1", alertId));
        var request = system.Gateway.Accepted.First(r => r.GetProperty("clientMsgId").GetString() == $"{alertId}|{AlertSmsFixture.DutyPhone}");
        Assert.Equal("nontax", request.GetProperty("account").GetString());
        Assert.Equal(AlertSmsFixture.DutyPhone, request.GetProperty("mobile").GetString());
        Assert.Contains("对账文件未到", request.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_failing_gateway_is_retried_until_it_takes_the_message_once()
    {
        // Two attempts per send (one Polly retry): the first round fails twice, the second takes it.
        var alertId = await RaiseAsync("reconciliation.difference");
        system.Gateway.FailNext(alertId, 3);
        var key = $"{alertId}|{AlertSmsFixture.DutyPhone}";

        var first = await Dispatcher.Dispatch();
        Assert.Equal("pending", await SmsStatusAsync(alertId, AlertSmsFixture.DutyPhone));
        Assert.True(first.Retrying >= 1);
        Assert.Equal(0, system.Gateway.AcceptedFor(key));

        await Dispatcher.Dispatch();
        await Dispatcher.Dispatch();

        Assert.Equal(1, system.Gateway.AcceptedFor(key));
        Assert.Equal(4, system.Gateway.RequestsFor(key));
        Assert.Equal("sent", await SmsStatusAsync(alertId, AlertSmsFixture.DutyPhone));
        Assert.Equal(2L, await system.Database.ScalarAsync<long>("SELECT attempts FROM nontax.alert_sms WHERE alert_id = $1", alertId));
    }

    [Fact]
    public async Task An_acknowledged_alert_is_not_sent_any_more_and_closing_keeps_who_and_how()
    {
        var alertId = await RaiseAsync("reconciliation.difference");
        system.Gateway.FailNext(alertId, 1000);
        await Dispatcher.Dispatch();
        var tried = system.Gateway.RequestsFor($"{alertId}|{AlertSmsFixture.DutyPhone}");
        Assert.Equal("pending", await SmsStatusAsync(alertId, AlertSmsFixture.DutyPhone));

        var acknowledged = await _http.PostAsync($"/ops/alerts/{Uri.EscapeDataString(alertId)}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        await Dispatcher.Dispatch();
        system.Gateway.FailNext(alertId, 0);
        await Dispatcher.Dispatch();

        Assert.Equal("cancelled", await SmsStatusAsync(alertId, AlertSmsFixture.DutyPhone));
        Assert.Equal(tried, system.Gateway.RequestsFor($"{alertId}|{AlertSmsFixture.DutyPhone}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsJsonAsync($"/ops/alerts/{Uri.EscapeDataString(alertId)}/close", new { note = "" })).StatusCode);
        var closed = await (await _http.PostAsJsonAsync($"/ops/alerts/{Uri.EscapeDataString(alertId)}/close", new { note = "银行已重发文件" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ops:wang.wu", closed.GetProperty("closedBy").GetString());
        Assert.Equal("ops:wang.wu", closed.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("银行已重发文件", closed.GetProperty("closeNote").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync("/ops/alerts/no-such-alert/acknowledge", null)).StatusCode);

        var open = await (await _http.GetAsync("/ops/alerts?open=true")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(open.EnumerateArray(), a => a.GetProperty("alertId").GetString() == alertId);
    }

    [Fact]
    public async Task Every_alert_raised_acknowledged_or_closed_is_a_notify_on_the_alerts_channel()
    {
        await using var listener = new NpgsqlConnection(system.Database.AppConnectionString);
        await listener.OpenAsync();
        var events = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        listener.Notification += (_, e) => events.Enqueue(JsonDocument.Parse(e.Payload).RootElement.Clone());
        await using (var listen = new NpgsqlCommand("LISTEN nontax_alerts", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var alertId = await RaiseAsync("reconciliation.difference", AlertSeverity.Critical);
        await _http.PostAsync($"/ops/alerts/{Uri.EscapeDataString(alertId)}/acknowledge", null);
        await _http.PostAsJsonAsync($"/ops/alerts/{Uri.EscapeDataString(alertId)}/close", new { note = "已处理" });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (events.Count(e => e.GetProperty("alertId").GetString() == alertId) < 3 && DateTime.UtcNow < deadline)
        {
            await listener.WaitAsync(TimeSpan.FromSeconds(1));
        }

        var mine = events.Where(e => e.GetProperty("alertId").GetString() == alertId).ToList();
        Assert.Equal(["raised", "acknowledged", "closed"], mine.Select(e => e.GetProperty("event").GetString()));
        Assert.Equal("critical", mine[0].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task A_refund_without_its_2617_past_the_limit_raises_one_alert_that_finance_gets()
    {
        // Nobody serves the reserve bank in this test, so the approved refund's 5617 gets no 2617.
        var issued = await system.Grains.GetGrain<ICollectingUnitGrain>("0104901").Issue(
            new NoticeDraft(new Payer("赵六"), 80m, [new NoticeLineRequest("103043211", 80m)], "clerk"));
        var payCode = issued.PayCode!;
        var notice = system.Grains.GetGrain<IPaymentNoticeGrain>(payCode);
        await notice.Confirm(new ConfirmedPayment(payCode, "D3206820103", Guid.NewGuid().ToString("N")[..20],
            NonTax.Protocol.Time.ChinaTime.Today(TimeProvider.System), "101500", 80m, "02", "赵六"));
        var refundNo = (await notice.ApplyRefund(new RefundApplication("STUCK-1", "0104901", 10m, "多缴", "clerk"))).Refund!.RefundNo;
        await notice.ApproveRefund(refundNo, "finance");
        var watch = system.Grains.GetGrain<IRefundWatchGrain>(IRefundWatchGrain.ClusterKey);

        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<string>("SELECT status FROM nontax.business_refunds WHERE refund_no = $1", refundNo) == "approved"));
        Assert.True(await Eventually.HoldsAsync(async () => (await watch.Check()) > 0
            && await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.alerts WHERE alert_id = $1", $"alert.raised:refund.stuck:{refundNo}") == 1));
        await watch.Check();
        await Dispatcher.Dispatch();
        await Dispatcher.Dispatch();

        var alertId = $"alert.raised:refund.stuck:{refundNo}";
        Assert.Equal(1L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.alerts WHERE alert_id = $1", alertId));
        Assert.Equal("refund.stuck", await system.Database.ScalarAsync<string>("SELECT kind FROM nontax.alerts WHERE alert_id = $1", alertId));
        Assert.Equal(1, system.Gateway.AcceptedFor($"{alertId}|{AlertSmsFixture.FinancePhone}"));
        Assert.Equal(0, system.Gateway.RequestsFor($"{alertId}|{AlertSmsFixture.DutyPhone}"));

        // The 2617 comes after all: the next check closes the alert by itself, once.
        Assert.Equal(ResultCodes.Success, await notice.CompleteRefund(new RefundOutcome(refundNo, ResultCodes.Success,
            NonTax.Protocol.Time.ChinaTime.Today(TimeProvider.System), "RT-LATE-1")));
        Assert.Null(await system.Database.ScalarAsync<string>("SELECT closed_by FROM nontax.alerts WHERE alert_id = $1", alertId));
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            await watch.Check();
            return await system.Database.ScalarAsync<string>("SELECT closed_by FROM nontax.alerts WHERE alert_id = $1", alertId) == "system";
        }));
        await watch.Check();
        Assert.Equal(1L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE kind = 'alert.closed' AND subject = $1", alertId));
    }
}
