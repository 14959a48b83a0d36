using System.Security.Cryptography;
using System.Text;
using NonTax.BankSimulator;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Fields;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Security;

namespace NonTax.Integration.Tests.Edge;

/// <summary>
/// What a bank's integration meets, over real TCP against a real cluster and PostgreSQL: query,
/// pay, confirm; a duplicate refunded through the second bank's own server; resends; refusals
/// that change nothing; a token change.
/// </summary>
public sealed class EdgeEndToEndTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>
{
    private const string FirstBank = "D3206820105";
    private const string SecondBank = "D3206820103";
    private const string UnitPlatform = "K3206820001";

    private Scenarios Scenarios(TextWriter? output = null) =>
        new(system.Finance, system.Peers, System.Net.IPAddress.Loopback, output ?? TextWriter.Null);

    private static string NewPayCode() =>
        TestPayCodes.New("99");

    private async Task<string> IssueNoticeAsync(string amount = "80.00")
    {
        var payCode = NewPayCode();
        var reply = await Scenarios().IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", amount]), CancellationToken.None);
        Assert.Equal("00000", reply.ReplyField("Result"));
        Assert.Contains(payCode, reply.ReplyField("Information"));
        return payCode;
    }

    [Fact]
    public async Task Query_pay_and_confirm_through_the_socket_edge()
    {
        var payCode = await IssueNoticeAsync();
        var scenarios = Scenarios();
        var query = await scenarios.QueryAsync(system.Peer(FirstBank), payCode, null, CancellationToken.None);
        Assert.Equal("5603", query.ReplyMsgNo);
        Assert.Equal("80.00", query.ReplyField("Amt"));
        Assert.Equal("0", query.ReplyField("PayStats"));

        var paid = await scenarios.PayAsync(system.Peer(FirstBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("5001", paid.ReplyMsgNo);
        Assert.Equal("00000", paid.ReplyField("Result"));

        var after = await scenarios.QueryAsync(system.Peer(SecondBank), payCode, null, CancellationToken.None);
        Assert.Equal("1", after.ReplyField("PayStats"));
        var record = await system.Grains.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails();
        Assert.Equal(FirstBank, record!.Revenue!.Confirmation.Src);
    }

    [Fact]
    public async Task Duplicate_from_a_second_bank_is_refunded_through_that_banks_server()
    {
        var payCode = await IssueNoticeAsync();
        var scenarios = Scenarios();
        await using var secondBankServer = scenarios.StartServer(system.Peer(SecondBank));
        var refundResultSent = new TaskCompletionSource<ExchangeRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        secondBankServer.Observed += record =>
        {
            if (record.MsgNo == "2617")
            {
                refundResultSent.TrySetResult(record);
            }
        };

        var first = await scenarios.PayAsync(system.Peer(FirstBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        var second = await scenarios.PayAsync(system.Peer(SecondBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", first.ReplyField("Result"));
        Assert.Equal("10006", second.ReplyField("Result"));

        var result = await refundResultSent.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("00000", result.ReplyField("Result"));
        var instruction = secondBankServer.Seen.Single(r => r.MsgNo == "5617");
        Assert.Equal(payCode, instruction.Request.Single(f => f.Name == "PayCode").Value);
        Assert.Equal("80.00", instruction.Request.Single(f => f.Name == "Amt").Value);
        Assert.Equal("1", instruction.Request.Single(f => f.Name == "RefundType").Value);

        var notice = system.Grains.GetGrain<IPaymentNoticeGrain>(payCode);
        Assert.True(await Eventually.HoldsAsync(async () => (await notice.GetDetails())!.Refunds.Single().Status == RefundStatus.Completed));
        var record = await notice.GetDetails();
        Assert.Equal(FirstBank, record!.Revenue!.Confirmation.Src);
        Assert.Single(record.Duplicates);
    }

    [Fact]
    public async Task A_resent_confirmation_gets_the_first_reply_and_changes_nothing()
    {
        var payCode = await IssueNoticeAsync();
        var scenarios = Scenarios();
        var bank = system.Peer(FirstBank);
        var query = await scenarios.QueryAsync(bank, payCode, null, CancellationToken.None);
        var confirmation = scenarios.BuildConfirmation(bank, payCode, query, new SimulatorArguments(["pay"]));
        var msgId = system.Finance.NewMsgId();
        var first = await system.Finance.SendAsync(bank, "2612", confirmation, msgId);
        var resent = await system.Finance.SendAsync(bank, "2612", confirmation, msgId);
        var sameTransactionNewMessage = await system.Finance.SendAsync(bank, "2612", confirmation);

        Assert.Equal("00000", first.ReplyField("Result"));
        Assert.Equal(first.Reply, resent.Reply);
        Assert.Equal("00000", sameTransactionNewMessage.ReplyField("Result"));
        var record = await system.Grains.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails();
        Assert.Empty(record!.Duplicates);
        Assert.Empty(record.Refunds);

        // The same MsgID with a different body is refused 20002.
        var altered = confirmation.Select(f => f.Name == "Operator" ? (f.Name, "柜员02") : f).ToList();
        var reused = await system.Finance.SendAsync(bank, "2612", altered, msgId);
        Assert.Equal("20002", reused.ReplyField("Result"));
    }

    [Fact]
    public async Task Bad_mac_is_answered_90001_and_changes_nothing()
    {
        var payCode = await IssueNoticeAsync();
        var bank = system.Peer(FirstBank);
        var scenarios = Scenarios();
        var query = await scenarios.QueryAsync(bank, payCode, null, CancellationToken.None);
        var confirmation = scenarios.BuildConfirmation(bank, payCode, query, new SimulatorArguments(["pay"]));
        var msgId = system.Finance.NewMsgId();
        var frame = system.Finance.BuildFrame(bank, "2612", confirmation, msgId, signingToken: new string('X', 32));
        var reply = await system.Finance.SendFrameAsync(bank, "2612", confirmation, frame, msgId, bank.Token);
        Assert.Equal("90001", reply.ReplyField("Result"));
        Assert.Equal("0", (await scenarios.QueryAsync(bank, payCode, null, CancellationToken.None)).ReplyField("PayStats"));
    }

    [Fact]
    public async Task Unknown_peer_truncated_and_oversized_frames_are_dropped_without_reply()
    {
        var stranger = new SimulatorPeer("D3206829999", "stranger", new string('A', 32), null, null);
        var unknown = system.Finance.BuildFrame(stranger, "2002", [("Info", "hello")], system.Finance.NewMsgId());
        Assert.Null(await system.Finance.SendRawAsync(unknown));

        var valid = system.Finance.BuildFrame(system.Peer(FirstBank), "2002", [("Info", "hello")], system.Finance.NewMsgId());
        Assert.Null(await system.Finance.SendRawAsync(valid[..(valid.Length / 2)]));

        var oversized = Encoding.ASCII.GetBytes("99999999CNNONTAX1.02002");
        Assert.Null(await system.Finance.SendRawAsync(oversized));

        Assert.Null(await system.Finance.SendRawAsync(Encoding.ASCII.GetBytes("hello, is this the finance bureau?\r\n")));

        // The listener is still serving after all of that.
        var test = await system.Finance.SendAsync(system.Peer(FirstBank), "2002", [("Info", "still there?")]);
        Assert.Equal("00000", test.ReplyField("Result"));
    }

    [Fact]
    public async Task Malformed_xml_and_wrong_fields_are_answered_20001_and_change_nothing()
    {
        var payCode = await IssueNoticeAsync();
        var bank = system.Peer(FirstBank);
        var scenarios = Scenarios();

        var body = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"GBK\"?><CFX><HEAD><SRC>D3206820105</SRC><DES>F320682</DES>");
        var broken = FrameWriter.Write("2612", body, Mac.Compute(bank.Token, body));
        Assert.Null(await system.Finance.SendRawAsync(broken)); // SRC cannot be read from a broken document: no peer, no reply.

        var query = await scenarios.QueryAsync(bank, payCode, null, CancellationToken.None);
        var confirmation = scenarios.BuildConfirmation(bank, payCode, query, new SimulatorArguments(["pay", "--amount", "80.001"]));
        var reply = await system.Finance.SendAsync(bank, "2612", confirmation);
        Assert.Equal("20001", reply.ReplyField("Result"));
        Assert.Contains("Amt", reply.ReplyField("Information"));
        Assert.Equal("0", (await scenarios.QueryAsync(bank, payCode, null, CancellationToken.None)).ReplyField("PayStats"));

        var wrongAmount = scenarios.BuildConfirmation(bank, payCode, query, new SimulatorArguments(["pay", "--amount", "79.00"]));
        Assert.Equal("10005", (await system.Finance.SendAsync(bank, "2612", wrongAmount)).ReplyField("Result"));
        Assert.Equal("0", (await scenarios.QueryAsync(bank, payCode, null, CancellationToken.None)).ReplyField("PayStats"));
    }

    [Fact]
    public async Task Token_change_through_2003_signs_the_reply_with_the_new_token_and_keeps_the_old_for_a_grace_period()
    {
        var platform = system.Peer("G000001");
        var oldToken = platform.Token;
        var newToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var exit = await Scenarios().RunAsync(new SimulatorArguments(["token", newToken, "--as", "G000001"]), CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Equal(newToken, platform.Token);

        var withNew = await system.Finance.SendAsync(platform, "2002", [("Info", "new token")]);
        Assert.Equal("00000", withNew.ReplyField("Result"));

        var graceMsgId = system.Finance.NewMsgId();
        var signedWithOld = system.Finance.BuildFrame(platform, "2002", [("Info", "old token")], graceMsgId, signingToken: oldToken);
        var withOld = await system.Finance.SendFrameAsync(platform, "2002", [("Info", "old token")], signedWithOld, graceMsgId, newToken);
        Assert.Equal("00000", withOld.ReplyField("Result"));
    }

    [Fact]
    public async Task A_bank_with_an_18_character_token_is_served_and_2003_moves_it_to_32_characters()
    {
        // A bank the bureau brought along with its existing token, registered as staff would.
        var nodeCode = "D32068201" + RandomNumberGenerator.GetInt32(10, 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bank = new SimulatorPeer(nodeCode, "十八位令牌银行", "Ab3$efgh1jkLmn0pQr", null, null);
        Assert.Equal(18, bank.Token.Length);
        var registry = system.SiloServices.GetRequiredService<NonTax.Infrastructure.Peers.PeerRegistry>();
        await registry.AddIfAbsentAsync(new NonTax.Infrastructure.Peers.PeerDefinition { NodeCode = nodeCode, Name = bank.Name, Token = bank.Token }, "test");

        // Both ways over TCP: the edge verifies the request's MAC and signs its reply with the 18-character token.
        var test = await system.Finance.SendAsync(bank, "2002", [("Info", "eighteen")]);
        Assert.Equal("00000", test.ReplyField("Result"));
        var payCode = await IssueNoticeAsync();
        Assert.Equal("0", (await Scenarios().QueryAsync(bank, payCode, null, CancellationToken.None)).ReplyField("PayStats"));

        // A wrong 18-character token is refused like any other bad MAC.
        var msgId = system.Finance.NewMsgId();
        var forged = system.Finance.BuildFrame(bank, "2002", [("Info", "forged")], msgId, signingToken: "Ab3$efgh1jkLmn0pQR");
        Assert.Equal("90001", (await system.Finance.SendFrameAsync(bank, "2002", [("Info", "forged")], forged, msgId, bank.Token)).ReplyField("Result"));

        // 2003 from the 18-character token (the 3DES key is derived from it) to a 32-character one.
        var oldToken = bank.Token;
        var newToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var exit = await new Scenarios(system.Finance, [bank], System.Net.IPAddress.Loopback, TextWriter.Null)
            .RunAsync(new SimulatorArguments(["token", newToken, "--as", nodeCode]), CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Equal(newToken, (await registry.FindFreshAsync(nodeCode))!.Token);
        Assert.Equal(oldToken, (await registry.FindFreshAsync(nodeCode))!.PreviousToken);
        Assert.Equal("00000", (await system.Finance.SendAsync(bank, "2002", [("Info", "thirty-two")])).ReplyField("Result"));
    }

    [Fact]
    public async Task A_unit_platform_may_not_confirm_payments()
    {
        var payCode = await IssueNoticeAsync();
        var platform = system.Peer(UnitPlatform);
        var bank = system.Peer(FirstBank);
        var scenarios = Scenarios();
        var query = await scenarios.QueryAsync(bank, payCode, null, CancellationToken.None);
        var confirmation = scenarios.BuildConfirmation(platform, payCode, query, new SimulatorArguments(["pay"]));
        var reply = await system.Finance.SendAsync(platform, "2612", confirmation);
        Assert.Equal("20004", reply.ReplyField("Result"));
    }

    [Fact]
    public async Task A_unit_platform_acts_only_for_its_own_units_and_a_refund_result_only_from_its_bank()
    {
        var foreignUnit = await Scenarios().IssueAsync(
            new SimulatorArguments(["issue", "--paycode", NewPayCode(), "--unit", "0309001", "--unitname", "别的单位"]), CancellationToken.None);
        Assert.Equal("20004", foreignUnit.ReplyField("Result"));

        var stray = await system.Finance.SendAsync(system.Peer(FirstBank), "2617",
            [("RefundNo", "T" + NewPayCode() + "01"), ("Result", "00000"), ("RefundDate", "20261127"), ("RefundTraNo", "RF1"), ("Information", "")]);
        Assert.Equal("20004", stray.ReplyField("Result"));
    }

    [Fact]
    public async Task A_message_the_node_does_not_handle_yet_is_answered_99999_and_not_remembered()
    {
        // A bank's generic reply is never a request the node takes.
        var reply = await system.Finance.SendAsync(system.Peer(FirstBank), "2001", [("OriMsgNo", "5617"), ("Result", "00000"), ("Information", "")]);
        Assert.Equal("5001", reply.ReplyMsgNo);
        Assert.Equal("99999", reply.ReplyField("Result"));
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.inbound_replies WHERE src = $1 AND msg_id = $2", FirstBank, reply.MsgId));
    }

    [Fact]
    public async Task A_Hold1_notice_paid_at_a_bank_is_confirmed_to_the_issuing_unit_platform_with_5996()
    {
        var scenarios = Scenarios();
        await using var platformServer = scenarios.StartServer(system.Peer(UnitPlatform));
        var payCode = NewPayCode();
        var issued = await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--hold1", "Y"]), CancellationToken.None);
        Assert.Equal("00000", issued.ReplyField("Result"));

        var paid = await scenarios.PayAsync(system.Peer(FirstBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", paid.ReplyField("Result"));

        ExchangeRecord? Confirmation() => platformServer.Seen.FirstOrDefault(r => r.MsgNo == "5996");
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Confirmation() is not null)), "no 5996 reached the unit platform");
        var confirmation = Confirmation()!;
        Assert.Equal("8001", confirmation.ReplyMsgNo);
        Assert.Equal("00000", confirmation.ReplyField("Result"));
        string Sent(string name) => paid.Request.Single(f => f.Name == name).Value;
        string Received(string name) => confirmation.Request.Single(f => f.Name == name).Value;
        foreach (var field in new[] { "PayCode", "CfmDate", "CfmTime", "Amt", "TraNoBus", "PayerName" })
        {
            Assert.Equal(Sent(field), Received(field));
        }

        // 5996 is written from the typed voucher, which writes codes as traffic shows them (02 → 2).
        Assert.True(CodeValue.SameCode(Sent("PayMode"), Received("PayMode")), $"PayMode {Sent("PayMode")} arrived as {Received("PayMode")}");

        Assert.Equal(payCode, Received("PayCode"));

        // Delivered once: the link records it delivered (in its history; the link itself lets it go) and never sends it again.
        Assert.True(await Eventually.HoldsAsync(async () => await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.outbound_messages WHERE peer = $1 AND msg_no = '5996' AND business_no = $2 AND status = 'delivered'",
            UnitPlatform, payCode) == 1));
        Assert.DoesNotContain(await system.Grains.GetGrain<NonTax.Grains.Abstractions.Outbound.IBankLinkGrain>(UnitPlatform).GetMessages(), m => m.BusinessNo == payCode);
        Assert.Single(platformServer.Seen, r => r.MsgNo == "5996");
    }

    [Fact]
    public async Task Many_short_connections_at_once_are_each_answered()
    {
        var banks = new[] { system.Peer(FirstBank), system.Peer(SecondBank) };
        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            system.Finance.SendAsync(banks[i % 2], "2002", [("Info", $"ping {i}")])));
        Assert.All(replies, r => Assert.Equal("00000", r.ReplyField("Result")));
        Assert.Equal(40, replies.Select(r => r.MsgId).Distinct().Count());
    }

    [Fact]
    public async Task A_peer_that_never_answers_does_not_hold_up_its_link()
    {
        var platform = system.Peer("G000001");
        using var blackHole = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, platform.EndpointPort!.Value);
        blackHole.Start();
        var link = system.Grains.GetGrain<NonTax.Grains.Abstractions.Outbound.IBankLinkGrain>(platform.NodeCode);
        NonTax.Grains.Abstractions.Outbound.OutboundInstruction Ping(string id) =>
            new(id, "5002", id, [new NonTax.Grains.Abstractions.Outbound.VoucherField("Info", "are you there")], DateTimeOffset.UtcNow);
        var first = $"hang-{Guid.NewGuid():N}"[..20];
        var second = $"hang-{Guid.NewGuid():N}"[..20];

        try
        {
            await link.Enqueue(Ping(first));
            using var held = await blackHole.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));

            // The link is now waiting for a reply that never comes; other calls still go through.
            await link.Enqueue(Ping(second));
            var messages = await link.GetMessages();
            Assert.Contains(messages, m => m.InstructionId == second);

            // Proof that the second enqueue did not wait for the first attempt: that attempt's
            // connection is still open (an attempt ends by closing it, at the latest after the
            // fixture's 5 s BankLink:AttemptTimeout), and it has recorded no error yet.
            var attemptEnded = held.Client.Poll(0, System.Net.Sockets.SelectMode.SelectRead) && held.Client.Available == 0;
            var stuck = messages.Single(m => m.InstructionId == first);
            Assert.False(attemptEnded || stuck.LastError is not null, $"the second enqueue waited for the first attempt to end: {stuck.LastError}");
        }
        finally
        {
            // Closed even when an assertion failed: a message left behind keeps retrying into later tests.
            await link.Close(first, "test over", "test");
            await link.Close(second, "test over", "test");
        }
    }
}
