using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonTax.BankSimulator;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Integration.Tests.Refunds;

/// <summary>
/// A business refund as staff and the bank meet it: applied and approved over the operator API,
/// the 5617 to the refund-reserve bank's own server over real TCP, its 2617 back through the socket
/// edge, every step in business_refunds and in the refund list.
/// </summary>
public sealed class BusinessRefundEndToEndTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>, IDisposable
{
    private const string ReserveBank = "D3206820105";
    private const string PayingBank = "D3206820103";
    private const string LandUnit = "0104901";

    private readonly HttpClient _http = Client(system);

    private static HttpClient Client(EdgeSystemFixture system) =>
        OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken, "li.si");

    public void Dispose() => _http.Dispose();

    private Scenarios Scenarios() => new(system.Finance, system.Peers, IPAddress.Loopback, TextWriter.Null);

    private async Task<string> PaidNoticeAsync()
    {
        var payCode = TestPayCodes.New("98");
        var issued = await Scenarios().IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None);
        Assert.Equal("00000", issued.ReplyField("Result"));
        var paid = await Scenarios().PayAsync(system.Peer(PayingBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", paid.ReplyField("Result"));
        return payCode;
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> ApplyAsync(string payCode, string applicationNo, decimal amount) =>
        _http.PostAsJsonAsync($"/ops/notices/{payCode}/refunds", new { applicationNo, unitCode = LandUnit, amount, reason = "多缴退费" });

    [Fact]
    public async Task Apply_approve_5617_to_the_reserve_bank_over_tcp_and_its_2617_closes_the_refund()
    {
        var payCode = await PaidNoticeAsync();
        await using var reserveBank = Scenarios().StartServer(system.Peer(ReserveBank));
        var resultSent = new TaskCompletionSource<ExchangeRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        reserveBank.Observed += record =>
        {
            if (record.MsgNo == "2617")
            {
                resultSent.TrySetResult(record);
            }
        };

        var applied = await JsonOf(await ApplyAsync(payCode, "APP-1", 30m));
        var refundNo = applied.GetProperty("refund").GetProperty("refundNo").GetString()!;
        var resent = await JsonOf(await ApplyAsync(payCode, "APP-1", 30m));
        var tooMuch = await ApplyAsync(payCode, "APP-2", 50.01m);
        var wrongUnit = await _http.PostAsJsonAsync($"/ops/notices/{payCode}/refunds",
            new { applicationNo = "APP-3", unitCode = "0201001", amount = 1m, reason = "x" });

        Assert.Equal("Applied", applied.GetProperty("refund").GetProperty("status").GetString());
        Assert.Equal(refundNo, resent.GetProperty("refund").GetProperty("refundNo").GetString());
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongUnit.StatusCode);
        Assert.Equal("applied", await system.Database.ScalarAsync<string>("SELECT status FROM nontax.business_refunds WHERE refund_no = $1", refundNo));
        Assert.Equal("ops:li.si", await system.Database.ScalarAsync<string>("SELECT applied_by FROM nontax.business_refunds WHERE refund_no = $1", refundNo));

        var approved = await JsonOf(await _http.PostAsJsonAsync($"/ops/refunds/{refundNo}/approve", new { note = "同意退付" }));
        Assert.Equal(ReserveBank, approved.GetProperty("refund").GetProperty("bankNode").GetString());

        var result = await resultSent.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("00000", result.ReplyField("Result"));
        var instruction = reserveBank.Seen.Single(r => r.MsgNo == "5617");
        Assert.Equal("2", instruction.Request.Single(f => f.Name == "RefundType").Value);
        Assert.Equal("30.00", instruction.Request.Single(f => f.Name == "Amt").Value);
        Assert.Equal(refundNo, instruction.Request.Single(f => f.Name == "RefundNo").Value);
        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<string>("SELECT status FROM nontax.business_refunds WHERE refund_no = $1", refundNo) == "completed"));

        // Approving again changes nothing and sends nothing; rejecting now is refused.
        var again = await JsonOf(await _http.PostAsJsonAsync($"/ops/refunds/{refundNo}/approve", new { }));
        Assert.Equal("Completed", again.GetProperty("refund").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsJsonAsync($"/ops/refunds/{refundNo}/reject", new { reason = "晚了" })).StatusCode);
        Assert.Single(reserveBank.Seen, r => r.MsgNo == "5617");
        Assert.Equal(3L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.business_facts WHERE subject = $1 AND kind IN ('refund.applied', 'refund.approved', 'refund.completed')", payCode));

        var listed = await JsonOf(await _http.GetAsync($"/ops/refunds?payCode={payCode}"));
        var row = Assert.Single(listed.EnumerateArray());
        Assert.Equal("business", row.GetProperty("kind").GetString());
        Assert.Equal("completed", row.GetProperty("status").GetString());
        Assert.Equal(30.00m, row.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_rejected_application_sends_nothing_and_shows_who_rejected_it()
    {
        var payCode = await PaidNoticeAsync();
        var refundNo = (await JsonOf(await ApplyAsync(payCode, "APP-9", 80m))).GetProperty("refund").GetProperty("refundNo").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsJsonAsync($"/ops/refunds/{refundNo}/reject", new { reason = " " })).StatusCode);
        await JsonOf(await _http.PostAsJsonAsync($"/ops/refunds/{refundNo}/reject", new { reason = "不符合退付条件" }));
        Assert.Equal(HttpStatusCode.Conflict, (await _http.PostAsJsonAsync($"/ops/refunds/{refundNo}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsJsonAsync($"/ops/refunds/B{payCode}77/approve", new { })).StatusCode);

        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<string>("SELECT status FROM nontax.business_refunds WHERE refund_no = $1", refundNo) == "rejected"));
        Assert.Equal("ops:li.si", await system.Database.ScalarAsync<string>("SELECT decided_by FROM nontax.business_refunds WHERE refund_no = $1", refundNo));
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.outbound_messages WHERE business_no = $1", refundNo));
    }
}
