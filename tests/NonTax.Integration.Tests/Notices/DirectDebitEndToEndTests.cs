using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NonTax.BankSimulator;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Integration.Tests.Notices;

/// <summary>
/// Direct debit over real TCP: a unit starts it on the operator API, the bank's own server gets the
/// 5604 and answers 2607 through the socket edge, which pays the notice — or, when another bank
/// was first, becomes a duplicate whose technical refund goes back to the debiting bank.
/// </summary>
public sealed class DirectDebitEndToEndTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>, IDisposable
{
    private const string DebitBank = "D3206820105";
    private const string OtherBank = "D3206820103";

    private readonly HttpClient _http = Client(system);

    private static HttpClient Client(EdgeSystemFixture system) =>
        OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken, "unit.clerk");

    public void Dispose() => _http.Dispose();

    private Scenarios Scenarios() => new(system.Finance, system.Peers, IPAddress.Loopback, TextWriter.Null);

    private async Task<string> IssueAsync()
    {
        var payCode = TestPayCodes.New("97");
        var issued = await Scenarios().IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None);
        Assert.Equal("00000", issued.ReplyField("Result"));
        return payCode;
    }

    private async Task<string> StartDebitAsync(string payCode)
    {
        var response = await _http.PostAsJsonAsync($"/ops/notices/{payCode}/direct-debits",
            new { unitCode = "0104901", bank = DebitBank, payerName = "张三", payerAcct = "6217000011112222", authNo = "AUTH-1" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("debit").GetProperty("debitNo").GetString()!;
    }

    private static TaskCompletionSource<ExchangeRecord> Watch(PeerServer server, string msgNo)
    {
        var seen = new TaskCompletionSource<ExchangeRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Observed += record =>
        {
            if (record.MsgNo == msgNo)
            {
                seen.TrySetResult(record);
            }
        };
        return seen;
    }

    [Fact]
    public async Task A_debit_goes_out_as_5604_and_the_banks_2607_pays_the_notice()
    {
        var payCode = await IssueAsync();
        await using var bank = Scenarios().StartServer(system.Peer(DebitBank));
        var result = Watch(bank, "2607");

        var debitNo = await StartDebitAsync(payCode);

        var answered = await result.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("00000", answered.ReplyField("Result"));
        var instruction = bank.Seen.Single(r => r.MsgNo == "5604");
        Assert.Equal(debitNo, instruction.Request.Single(f => f.Name == "DebitNo").Value);
        Assert.Equal("80.00", instruction.Request.Single(f => f.Name == "Amt").Value);
        var record = await system.Grains.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails();
        Assert.Equal(NoticeStatus.Paid, record!.Details.Status);
        Assert.Equal(DebitBank, record.Revenue!.Confirmation.Src);
        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<string>("SELECT status FROM nontax.direct_debits WHERE debit_no = $1", debitNo) == "debited"));
        Assert.Equal("revenue", await system.Database.ScalarAsync<string>(
            "SELECT outcome FROM nontax.payment_confirmations WHERE pay_code = $1 AND src = $2", payCode, DebitBank));
    }

    [Fact]
    public async Task A_2607_after_another_bank_was_paid_first_is_a_duplicate_refunded_to_the_debiting_bank()
    {
        var payCode = await IssueAsync();
        await using var bank = Scenarios().StartServer(system.Peer(DebitBank));
        bank.AnswerDirectDebits = false;
        var refunded = Watch(bank, "2617");
        var debitNo = await StartDebitAsync(payCode);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(bank.Seen.Any(r => r.MsgNo == "5604"))));

        var paid = await Scenarios().PayAsync(system.Peer(OtherBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", paid.ReplyField("Result"));
        var late = await system.Finance.SendAsync(system.Peer(DebitBank), "2607",
        [
            ("DebitNo", debitNo), ("PayCode", payCode), ("Result", "00000"), ("Amt", "80.00"),
            ("DebitDate", system.Finance.Today().ToString("yyyyMMdd", CultureInfo.InvariantCulture)), ("DebitTime", "101500"),
            ("TraNoBus", "DD" + Guid.NewGuid().ToString("N")[..16]), ("BankOutlet", "320682010501"), ("Information", ""),
        ]);

        Assert.Equal("10006", late.ReplyField("Result"));
        var refund = await refunded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("00000", refund.ReplyField("Result"));
        var record = await system.Grains.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails();
        Assert.Equal(OtherBank, record!.Revenue!.Confirmation.Src);
        Assert.Equal(DebitBank, Assert.Single(record.Duplicates).Confirmation.Src);
    }
}
