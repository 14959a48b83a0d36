using NonTax.BankSimulator;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Integration.Tests.Projection;

namespace NonTax.Integration.Tests.Outbound;

/// <summary>
/// A send that fails on the wire (the bank's server answers its generic reply with a failure) is
/// retried by the bank link until the bank accepts it, under the same MsgID every time, and is
/// then delivered exactly once: the bank accepts one 5617 and the refund completes once.
/// </summary>
[Collection(ProjectionEdgeCollection.Name)]
public sealed class FailedSendRetryTests(EdgeSystemFixture system)
{
    private const string FirstBank = "D3206820105";
    private const string SecondBank = "D3206820103";

    [Fact]
    public async Task A_refused_5617_is_retried_under_one_MsgID_and_accepted_exactly_once()
    {
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        await using var bank = scenarios.StartServer(system.Peer(SecondBank));
        bank.ReplyResult = "99999";
        var payCode = await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        Assert.Equal("00000", (await scenarios.PayAsync(system.Peer(FirstBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));
        Assert.Equal("10006", (await scenarios.PayAsync(system.Peer(SecondBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));

        List<ExchangeRecord> Refunds() => [.. bank.Seen.Where(r => r.Direction == "in" && r.MsgNo == "5617" && r.Request.Any(f => f.Name == "PayCode" && f.Value == payCode))];
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Refunds().Count >= 2)), "the refused 5617 should be tried again");
        bank.ReplyResult = "00000";

        async Task<string?> RefundStatus() =>
            (await ProjectionRows.QueryAsync(system.Database.OwnerConnectionString, "SELECT status FROM nontax.technical_refunds WHERE pay_code = $1", payCode))
                .SingleOrDefault()?["status"] as string;
        Assert.True(await Eventually.HoldsAsync(async () => await RefundStatus() == "completed"), "the accepted 5617's refund should complete");
        Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> Outbound() => ProjectionRows.QueryAsync(system.Database.OwnerConnectionString,
            "SELECT status, msg_id FROM nontax.outbound_messages WHERE msg_no = '5617' AND business_no LIKE $1", $"T{payCode}%");
        Assert.True(await Eventually.HoldsAsync(async () => (await Outbound()).SingleOrDefault()?["status"] as string == "delivered"));

        var seen = Refunds();
        Assert.Single(seen, r => r.ReplyField("Result") == "00000");
        Assert.All(seen.Take(seen.Count - 1), r => Assert.Equal("99999", r.ReplyField("Result")));
        Assert.Single(seen.Select(r => r.MsgId).Distinct());
        Assert.Equal(Assert.Single(await Outbound())["msg_id"], seen[0].MsgId);
    }
}
