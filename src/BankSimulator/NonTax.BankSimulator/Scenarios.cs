using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace NonTax.BankSimulator;

/// <summary>
/// What a bank's engineer does against the sandbox: query, pay, resend, pay twice through two
/// banks, run the bank's own server for 5xxx messages, and the whole duplicate-refund round trip.
/// </summary>
public sealed class Scenarios(FinanceClient finance, IReadOnlyList<SimulatorPeer> peers, IPAddress listenAddress, TextWriter output)
{
    public const string Usage = """
        NonTax bank simulator — talks CNNONTAX to the finance node's socket edge.

        Options (all verbs): --edge host:port (127.0.0.1:9100)  --peers file (.state/dev/sandbox-peers.json)  --finance F320682
        Verbs:
          test [--as NODE]                            2002 connectivity test
          issue [--as K3206820001] [--unit 0104901] [--amount 80.00] [--item 103043211] [--name 不动产登记费] [--hold1 Y]
                                                      8994: a unit system issues a notice with its own payment code
          query PAYCODE [--as NODE] [--check CODE]    2601 query a notice
          pay PAYCODE [--as NODE] [--tranobus T] [--msgid M] [--amount A] [--mode 02]
                                                      2601 then 2612 confirm (give --msgid/--tranobus again to resend)
          resend PAYCODE [--as NODE]                  confirm once, then send the identical frame again
          duplicate PAYCODE [--first D3206820105] [--second D3206820103] [--wait 60]
                                                      pay through two banks; serve the second bank and wait for its 5617 refund, answer 2617
          serve [--seconds N]                         run every peer's own server and print the 5xxx messages that arrive
          demo [--wait 60]                            issue through K3206820001, pay at D3206820105, pay again at D3206820103, see the refund
          token NEWTOKEN [--as NODE]                  2003 change this peer's token (updates nothing on disk: edit the peers file yourself)
          load [--profile issue|query|confirm|duplicate|mix] [--mix confirm=4,duplicate=1] [--concurrency 64] [--rate R]
               [--warmup 3] [--duration 15] [--connections short|persistent] [--pre-issue N] [--codes FILE] [--paid FILE]
               [--unpaid-out FILE] [--paid-out FILE] [--ledger CONNSTR (or NONTAX_LOAD_PG)] [--ledger-schema nontax|conventional]
               [--label NAME] [--json FILE] [--serve]
                                                      banks and the unit platform under load over real TCP: closed loop of C
                                                      clients, or open loop at R requests/s (latency from the intended send
                                                      time); per type count, rate, p50/p95/p99/max, answers by result code;
                                                      then checks every 00000 is one revenue row and every 10006 one refund
          reconcile [--as D3206820105] [--date yyyyMMdd] [--db CONNSTR (or NONTAX_LOAD_PG)] [--drop T1,T2] [--drop-first N]
                    [--amount T1=79.00,…] [--batch N] [--bankcode CODE] [--wait 60] [--no-wait]
                    [--files 2555,2557,2556] [--supervised ACCT1,…]
                                                      2555: the bank's payments of the day (read from the sandbox's records of
                                                      what this bank confirmed), altered on purpose, in batches of N; 2557 its
                                                      credits and 2556 each account's day (2581 for the --supervised accounts)
                                                      from the same records and changes; then serves the bank and prints the
                                                      5555's differences and the 5557/5556 results
          move --acct ACCOUNT --amount N.NN [--kind 2615|2613|2616|2619] [--as D3206820105] [--tra TRANO]
               [--other ACCOUNT] [--date yyyyMMdd] [--paycode CODE] [--virtual ACCOUNT]
                                                      the bank reports one movement: 2615 arrival (default), 2613 transfer
                                                      out, 2616 virtual-account arrival, 2619 late in-transit arrival
          sms-gateway [--port 9290]                   a stand-in for the HTTP SMS gateway on loopback (run.sh starts it):
                                                      takes the silo's alert SMS, answers code 0, prints each one
          bench-table --json FILE --pgbench TPS [--rate-of LABEL]
                                                      the one table of bench.sh from load runs labelled system/… and baseline/…
                                                      (--rate-of prints the measured rate of one run)
        """;

    public async Task<int> RunAsync(SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        switch (arguments.Verb)
        {
            case "test":
                Print(await finance.SendAsync(Peer(arguments.Option("as", "D3206820105")), "2002", [("Info", "connectivity test")], cancellationToken: cancellationToken));
                return 0;
            case "issue":
                var issued = await IssueAsync(arguments, cancellationToken);
                return issued.ReplyField("Result") == "00000" ? 0 : 1;
            case "query":
                Print(await QueryAsync(Peer(arguments.Option("as", "D3206820105")), arguments.Value(0, "payment code"), arguments.Option("check"), cancellationToken));
                return 0;
            case "pay":
                var paid = await PayAsync(Peer(arguments.Option("as", "D3206820105")), arguments.Value(0, "payment code"), arguments, cancellationToken);
                return paid.ReplyField("Result") is "00000" or "10006" ? 0 : 1;
            case "resend":
                return await ResendAsync(arguments, cancellationToken);
            case "duplicate":
                return await DuplicateAsync(arguments.Value(0, "payment code"), arguments, cancellationToken);
            case "serve":
                return await ServeAsync(arguments, cancellationToken);
            case "move":
                var mover = Peer(arguments.Option("as", "D3206820105"));
                var (moveMsgNo, moveFields) = Movement.Build(arguments, arguments.Option("bankcode", mover.NodeCode[^4..]), finance.Today());
                var moved = await finance.SendAsync(mover, moveMsgNo, moveFields, cancellationToken: cancellationToken);
                Print(moved);
                return moved.ReplyField("Result") == "00000" ? 0 : 1;
            case "sms-gateway":
                await using (var gateway = new SandboxSmsGateway(int.Parse(arguments.Option("port", "9290"), CultureInfo.InvariantCulture), output))
                {
                    output.WriteLine($"sandbox SMS gateway on {gateway.Url} (Ctrl-C stops)");
                    await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    return 0;
                }
            case "demo":
                var notice = await IssueAsync(arguments, cancellationToken);
                return notice.ReplyField("Result") == "00000"
                    ? await DuplicateAsync(notice.Request.First(f => f.Name == "PayCode").Value, arguments, cancellationToken)
                    : 1;
            case "load":
                return await LoadAsync(arguments, cancellationToken);
            case "reconcile":
                var bank = Peer(arguments.Option("as", "D3206820105"));
                await using (var server = arguments.Option("no-wait") is null ? StartServer(bank) : null)
                {
                    return await new Reconcile(finance, output).RunAsync(bank, server, arguments, cancellationToken);
                }

            case "bench-table":
                var table = Load.BenchTable.Read(arguments.Option("json") ?? throw new ArgumentException("--json FILE"), double.Parse(arguments.Option("pgbench", "0"), CultureInfo.InvariantCulture));
                if (arguments.Option("rate-of") is { } label)
                {
                    output.WriteLine(table.RateOf(label).ToString("0.#", CultureInfo.InvariantCulture));
                }
                else
                {
                    table.Write(output);
                }

                return 0;
            case "token":
                return await ChangeTokenAsync(Peer(arguments.Option("as", "D3206820105")), arguments.Value(0, "new token"), cancellationToken);
            default:
                output.WriteLine(Usage);
                return 2;
        }
    }

    public SimulatorPeer Peer(string nodeCode) =>
        peers.FirstOrDefault(p => p.NodeCode == nodeCode) ?? throw new ArgumentException($"{nodeCode} is not in the peers file");

    public Task<ExchangeRecord> QueryAsync(SimulatorPeer peer, string payCode, string? checkCode, CancellationToken cancellationToken) =>
        finance.SendAsync(peer, "2601", MessageFields.Query(payCode, checkCode), cancellationToken: cancellationToken);

    /// <summary>2601 to learn the amount due and payer, then 2612 as the counter would send it.</summary>
    public async Task<ExchangeRecord> PayAsync(SimulatorPeer peer, string payCode, SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(peer, payCode, arguments.Option("check"), cancellationToken);
        Print(query);
        var confirmation = BuildConfirmation(peer, payCode, query, arguments);
        var reply = await finance.SendAsync(peer, "2612", confirmation, arguments.Option("msgid"), cancellationToken: cancellationToken);
        Print(reply);
        return reply;
    }

    public IReadOnlyList<(string Name, string Value)> BuildConfirmation(SimulatorPeer peer, string payCode, ExchangeRecord query, SimulatorArguments arguments)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var amount = arguments.Option("amount") ?? query.ReplyField("Amt") ?? "0.00";
        var payment = new MessageFields.Payment(
            payCode,
            amount,
            arguments.Option("tranobus") ?? NewTransactionNumber(now),
            query.ReplyField("PayerName") is { Length: > 0 } name ? name : "缴款人",
            query.ReplyField("RecAcctType") is { Length: > 0 } type ? type : "1",
            query.ReplyField("RecAcct") ?? string.Empty,
            arguments.Option("mode", "02"));
        return MessageFields.Confirmation(peer, payment, now);
    }

    public async Task<ExchangeRecord> IssueAsync(SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        var peer = Peer(arguments.Option("as", "K3206820001"));
        var today = finance.Today();
        var amount = arguments.Option("amount", "80.00");
        var region = finance.FinanceNode[1..];
        var payCode = arguments.Option("paycode") ?? region + today.ToString("yy", CultureInfo.InvariantCulture) + "99" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) + "0";
        var notice = new MessageFields.NoticeToIssue(
            payCode,
            arguments.Option("unit", "0104901"),
            arguments.Option("unitname", "如皋市自然资源和规划局"),
            amount,
            arguments.Option("item", "103043211"),
            arguments.Option("name", "不动产登记费"),
            arguments.Option("payer", "张三"),
            arguments.Option("mobile", "13800000000"),
            arguments.Option("hold1", string.Empty));
        var fields = MessageFields.Issue(region, today, notice);
        var reply = await finance.SendAsync(peer, "8994", fields, cancellationToken: cancellationToken);
        Print(reply);
        output.WriteLine($"payment code: {payCode}");
        return reply;
    }

    private async Task<int> ResendAsync(SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        var peer = Peer(arguments.Option("as", "D3206820105"));
        var payCode = arguments.Value(0, "payment code");
        var query = await QueryAsync(peer, payCode, arguments.Option("check"), cancellationToken);
        var confirmation = BuildConfirmation(peer, payCode, query, arguments);
        var msgId = finance.NewMsgId();
        var first = await finance.SendAsync(peer, "2612", confirmation, msgId, cancellationToken: cancellationToken);
        var second = await finance.SendAsync(peer, "2612", confirmation, msgId, cancellationToken: cancellationToken);
        Print(first);
        Print(second);
        var same = first.ReplyField("Result") == second.ReplyField("Result");
        output.WriteLine(same ? "resend answered with the stored reply" : "resend answered differently!");
        return same ? 0 : 1;
    }

    private async Task<int> DuplicateAsync(string payCode, SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        var first = Peer(arguments.Option("first", "D3206820105"));
        var second = Peer(arguments.Option("second", "D3206820103"));
        await using var server = StartServer(second);
        var refunded = new TaskCompletionSource<ExchangeRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Observed += record =>
        {
            Print(record);
            if (record.MsgNo == "2617")
            {
                refunded.TrySetResult(record);
            }
        };

        var firstReply = await PayAsync(first, payCode, arguments, cancellationToken);
        var secondReply = await PayAsync(second, payCode, arguments, cancellationToken);
        if (firstReply.ReplyField("Result") != "00000" || secondReply.ReplyField("Result") != "10006")
        {
            output.WriteLine("expected 00000 from the first bank and 10006 from the second");
            return 1;
        }

        output.WriteLine($"waiting for the technical refund 5617 at {second.NodeCode}…");
        var wait = TimeSpan.FromSeconds(double.Parse(arguments.Option("wait", "60"), CultureInfo.InvariantCulture));
        try
        {
            var result = await refunded.Task.WaitAsync(wait, cancellationToken);
            output.WriteLine($"duplicate refunded: 2617 answered {result.ReplyField("Result")}");
            return result.ReplyField("Result") == "00000" ? 0 : 1;
        }
        catch (TimeoutException)
        {
            output.WriteLine("no refund arrived in time");
            return 1;
        }
    }

    private async Task<int> ServeAsync(SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        var servers = peers.Where(p => p.EndpointPort is not null).Select(StartServer).ToList();
        foreach (var server in servers)
        {
            server.Observed += Print;
        }

        output.WriteLine($"serving {string.Join(", ", peers.Where(p => p.EndpointPort is not null).Select(p => $"{p.NodeCode}@{p.EndpointPort}"))}; Ctrl-C to stop");
        try
        {
            var seconds = arguments.Option("seconds");
            await Task.Delay(seconds is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)), cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }

        return 0;
    }

    private async Task<int> LoadAsync(SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        var options = Load.LoadOptions.From(arguments);
        var servers = options.Serve ? peers.Where(p => p.EndpointPort is not null).Select(StartServer).ToList() : [];
        try
        {
            var runner = new Load.LoadRunner(finance, peers, finance.Host, finance.Port, options);
            var result = await runner.RunAsync(cancellationToken);
            if (options.LedgerConnection is { Length: > 0 } connection)
            {
                var checker = new Load.LedgerChecker(connection, options.LedgerSchema, options.LedgerWait);
                result = result with { Ledger = await checker.CheckAsync(runner.Acknowledged, cancellationToken) };
            }

            if (options.UnpaidOut is not null)
            {
                await File.AppendAllLinesAsync(options.UnpaidOut, runner.Pool.Unpaid(), cancellationToken);
            }

            if (options.PaidOut is not null)
            {
                await File.AppendAllLinesAsync(options.PaidOut, runner.Pool.Paid().Select(p => $"{p.PayCode} {p.Bank}"), cancellationToken);
            }

            result.WriteTable(output);
            var json = result.ToJson();
            output.WriteLine("json: " + json);
            if (options.JsonOut is not null)
            {
                await File.AppendAllLinesAsync(options.JsonOut, [json], cancellationToken);
            }

            return result.Ledger is { Holds: false } ? 3 : 0;
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private async Task<int> ChangeTokenAsync(SimulatorPeer peer, string newToken, CancellationToken cancellationToken)
    {
        var encrypted = NonTax.Protocol.Security.TokenCipher.Encrypt(newToken, peer.Token);
        var msgId = finance.NewMsgId();
        var fields = new List<(string Name, string Value)> { ("NewToken", encrypted) };
        var frame = finance.BuildFrame(peer, "2003", fields, msgId);
        var reply = await finance.SendFrameAsync(peer, "2003", fields, frame, msgId, newToken, cancellationToken);
        Print(reply);
        peer.Token = newToken;
        return reply.ReplyField("Result") == "00000" ? 0 : 1;
    }

    public PeerServer StartServer(SimulatorPeer peer) =>
        new(peer, finance, listenAddress, peer.EndpointPort ?? throw new ArgumentException($"{peer.NodeCode} has no endpoint port"));

    private static string NewTransactionNumber(DateTimeOffset now) =>
        now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private void Print(ExchangeRecord record) => output.WriteLine(record);
}
