using System.Globalization;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.Reconciliation;
using Npgsql;

namespace NonTax.BankSimulator;

/// <summary>
/// The <c>reconcile</c> verb: a bank's 2555 for a day, built from what that bank really paid, with
/// changes on purpose (drop records, change an amount), sent as one message or in batches; then the
/// bank's server waits for the 5555 result(s) and prints every difference.
/// </summary>
/// <remarks>
/// Where "what the bank paid" comes from: a real bank reads its own ledger. The simulator keeps no
/// ledger between runs, so it reads the sandbox's own record of what this bank confirmed
/// (<c>payment_confirmations</c>, accepted revenue and duplicates, by SRC and CfmDate) — a sandbox
/// shortcut that needs <c>--db</c> (or NONTAX_LOAD_PG), never something a bank could do.
/// </remarks>
public sealed class Reconcile(FinanceClient finance, TextWriter output)
{
    private const string PaidSql = """
        SELECT pay_code, tra_no_bus, cfm_date, coalesce(cfm_time, '000000'), amount, coalesce(pay_mode, '1')
          FROM nontax.payment_confirmations
         WHERE src = $1 AND cfm_date = $2 AND outcome IN ('revenue', 'duplicate')
         ORDER BY tra_no_bus
        """;

    /// <summary>The payments the sandbox recorded for <paramref name="bank"/> on <paramref name="day"/> (sandbox shortcut, see remarks).</summary>
    public static async Task<List<TransactionReconciliation.Detail>> ReadPaidAsync(string connectionString, string bank, DateOnly day, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(PaidSql);
        command.Parameters.AddWithValue(bank);
        command.Parameters.AddWithValue(day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<TransactionReconciliation.Detail>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new TransactionReconciliation.Detail(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                TimeOnly.ParseExact(reader.GetString(3), "HHmmss", CultureInfo.InvariantCulture), reader.GetDecimal(4),
                int.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }

        return records;
    }

    /// <summary>
    /// The 2555 message(s) of a day: one message when <paramref name="batchSize"/> is 0 or the day
    /// fits, else messages of at most <paramref name="batchSize"/> records numbered BatchNo of BatchCount.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<(string Name, string Value)>> BuildMessages(
        string bankCode, DateOnly day, IReadOnlyList<TransactionReconciliation.Detail> records, int batchSize = 0)
    {
        var total = records.Sum(r => r.Amt);
        if (batchSize <= 0 || records.Count <= batchSize)
        {
            return [Fields(new TransactionReconciliation(day, bankCode, records.Count, total, records))];
        }

        var batches = records.Chunk(batchSize).ToList();
        return
        [
            .. batches.Select((batch, i) => Fields(new TransactionReconciliation(day, bankCode, records.Count, total, batch, i + 1, batches.Count))),
        ];
    }

    /// <summary>Applies the verb's changes: drop records by TraNoBus, change amounts (TraNoBus=amount).</summary>
    public static List<TransactionReconciliation.Detail> Alter(IEnumerable<TransactionReconciliation.Detail> records, IReadOnlyCollection<string> drop,
        IReadOnlyDictionary<string, decimal> amounts) =>
        [
            .. records.Where(r => !drop.Contains(r.TraNoBus))
                .Select(r => amounts.TryGetValue(r.TraNoBus, out var amount) ? r with { Amt = amount } : r),
        ];

    public async Task<int> RunAsync(SimulatorPeer bank, PeerServer? server, SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        var day = arguments.Option("date") is { } date ? DateOnly.ParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture) : finance.Today();
        var db = arguments.Option("db") ?? Environment.GetEnvironmentVariable("NONTAX_LOAD_PG")
            ?? throw new ArgumentException("--db CONNSTR (or NONTAX_LOAD_PG): the sandbox database the simulator reads this bank's payments from");
        var paid = await ReadPaidAsync(db, bank.NodeCode, day, cancellationToken);
        var drop = (arguments.Option("drop") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (int.TryParse(arguments.Option("drop-first"), CultureInfo.InvariantCulture, out var dropFirst))
        {
            drop.UnionWith(paid.Take(dropFirst).Select(p => p.TraNoBus));
        }

        var amounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var change in (arguments.Option("amount") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = change.Split('=');
            amounts[parts[0]] = decimal.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        var records = Alter(paid, drop, amounts);
        var files = (arguments.Option("files") ?? "2555,2557,2556").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        output.WriteLine($"{bank.NodeCode} {day:yyyyMMdd}: {paid.Count} payments recorded, sending {records.Count} (dropped {drop.Count}, amounts changed {amounts.Count})");
        var bankCode = arguments.Option("bankcode", bank.NodeCode[1..]);
        var messages = BuildMessages(bankCode, day, records, int.Parse(arguments.Option("batch", "0"), CultureInfo.InvariantCulture));
        var refused = false;
        foreach (var message in files.Contains("2555") ? messages : [])
        {
            var reply = await finance.SendAsync(bank, "2555", message, cancellationToken: cancellationToken);
            output.WriteLine(reply);
            refused |= reply.ReplyField("Result") != "00000";
        }

        // The day's other files, from the same records with the same changes (a dropped payment is
        // also missing from the credits and its account's day, a changed amount changed there too).
        var supervised = (arguments.Option("supervised") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        if (files.Any(f => f is "2557" or "2556" or "2581"))
        {
            var credits = (await AccountFiles.ReadCreditsAsync(db, bank.NodeCode, day, cancellationToken))
                .Where(c => !drop.Contains(c.TraNo))
                .Select(c => amounts.TryGetValue(c.TraNo, out var amount) ? c with { Amt = amount } : c)
                .ToList();
            var accounts = await AccountFiles.ReadAccountsAsync(db, bank.NodeCode, day, credits, cancellationToken);
            var extra = new List<(string MsgNo, IReadOnlyList<(string Name, string Value)> Fields)>();
            if (files.Contains("2557"))
            {
                extra.Add(("2557", AccountFiles.ArrivalMessage(bankCode, day, credits)));
            }

            if (files.Contains("2556"))
            {
                extra.Add(("2556", AccountFiles.AccountMessage("2556", bankCode, day, [.. accounts.Where(a => !supervised.Contains(a.AcctNo))])));
            }

            if (files.Contains("2581") && supervised.Count > 0)
            {
                extra.Add(("2581", AccountFiles.AccountMessage("2581", bankCode, day, [.. accounts.Where(a => supervised.Contains(a.AcctNo))])));
            }

            foreach (var (msgNo, fields) in extra)
            {
                var reply = await finance.SendAsync(bank, msgNo, fields, cancellationToken: cancellationToken);
                output.WriteLine(reply);
                refused |= reply.ReplyField("Result") != "00000";
            }
        }

        if (refused || server is null)
        {
            return refused ? 1 : 0;
        }

        var wait = TimeSpan.FromSeconds(int.Parse(arguments.Option("wait", "60"), CultureInfo.InvariantCulture));
        var results = files.Contains("2555") ? await WaitForResultAsync(server, day, wait, cancellationToken) : [];
        foreach (var result in results)
        {
            Print(result);
        }

        // The other files' results, as far as they came meanwhile (or within the wait).
        var expected = files.Count(f => f is "2557" or "2556") + (files.Contains("2581") && supervised.Count > 0 ? 1 : 0);
        var deadline = DateTime.UtcNow + wait;
        while (server.Seen.Count(r => r.MsgNo is "5557" or "5556") < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancellationToken);
        }

        foreach (var other in server.Seen.Where(r => r.Direction == "in" && r.MsgNo is "5557" or "5556"))
        {
            output.WriteLine($"{other.MsgNo}: " + string.Join(", ", other.Request.Select(f => $"{f.Name}={f.Value}")));
        }

        return results.Count > 0 || !files.Contains("2555") ? 0 : 1;
    }

    /// <summary>Waits until every part of the newest 5555 for <paramref name="day"/> arrived at <paramref name="server"/>.</summary>
    public static async Task<IReadOnlyList<TransactionReconciliationResult>> WaitForResultAsync(PeerServer server, DateOnly day, TimeSpan wait,
        CancellationToken cancellationToken, int skip = 0)
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            var results = Results(server, day).Skip(skip).ToList();
            if (results.Count > 0 && results.Count >= (results[0].BatchCount ?? 1))
            {
                return [.. results.Take((int)(results[0].BatchCount ?? 1))];
            }

            await Task.Delay(200, cancellationToken);
        }

        return [];
    }

    /// <summary>Every 5555 for <paramref name="day"/> the server received, in order.</summary>
    public static IEnumerable<TransactionReconciliationResult> Results(PeerServer server, DateOnly day) =>
        server.Seen.Where(r => r.MsgNo == "5555")
            .Select(r => TransactionReconciliationResult.Parse(VoucherPaths.ToVoucher(r.Request)).Value!)
            .Where(r => r.ChkDate == day);

    private void Print(TransactionReconciliationResult result)
    {
        output.WriteLine($"5555 {result.ChkDate:yyyyMMdd} {result.BankCode}: Result {result.Result}, matched {result.MatchedNum} / {result.MatchedAmt:0.00}"
            + (result.BatchCount is { } count ? $" (part {result.BatchNo} of {count})" : ""));
        foreach (var diff in result.Diffs)
        {
            var what = diff.DiffType switch
            {
                1 => "bank only",
                2 => "finance only",
                3 => "amount differs",
                _ => $"{diff.Field} differs",
            };
            output.WriteLine($"  {diff.TraNoBus} {diff.PayCode}: {what}; bank {Show(diff.BankValue)}, finance {Show(diff.FinanceValue)}");
        }
    }

    private static string Show(string value) => value.Length == 0 ? "-" : value;

    private static IReadOnlyList<(string Name, string Value)> Fields(TransactionReconciliation voucher) =>
        OutboundVoucher.ToFields("2555", voucher);
}
