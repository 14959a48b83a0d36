using System.Globalization;
using NonTax.BankSimulator;
using NonTax.BankSimulator.Load;
using Npgsql;

namespace NonTax.Integration.Tests.Faults;

/// <summary>
/// The checker of a fault run, in the spirit of Jepsen's bank test: from what the banks were told
/// (every request, its MsgID and result) and what the database and the peers' servers hold, it
/// proves every acknowledged confirmation stored exactly once, every notice issued with 00000
/// (the unit grain's answer) stored, no confirmation (acknowledged or
/// not) applied twice and none stored that no bank sent, revenue + technical refunds = money
/// taken to the cent, and every 5617 and 5996 delivered, each under one MsgID. Rows are written
/// after the reply and deliveries retry with back-off, so missing ones are awaited up to the
/// settle time; a duplicate fails at once.
/// </summary>
public sealed class FaultChecker(string connectionString, TimeSpan settle, Action<string> log)
{
    public async Task<FaultReport> CheckAsync(
        int seed,
        IReadOnlyList<RequestRecord> records,
        IReadOnlyList<(string Fault, DateTimeOffset At)> timeline,
        DateTimeOffset started,
        Func<List<ExchangeRecord>> delivered,
        CancellationToken cancellationToken)
    {
        var confirmations = records.Where(r => r.Operation is LoadOperation.Confirm or LoadOperation.Duplicate).ToList();
        var acknowledged = confirmations.Where(r => r.Result is "00000" or "10006")
            .Select(r => (Record: r, Ack: new Acknowledgement(r.PayCode, r.Peer, r.TraNoBus!, r.Result))).ToList();
        var issued = records.Where(r => r.Operation == LoadOperation.Issue && r.Result == "00000").Select(r => r.PayCode).ToHashSet(StringComparer.Ordinal);
        var codes = confirmations.Select(r => r.PayCode).Concat(issued).Distinct(StringComparer.Ordinal).ToArray();
        var sent = confirmations.Select(r => (r.Peer, r.TraNoBus!)).ToHashSet();

        var deadline = DateTime.UtcNow + settle;
        Ledger ledger;
        LedgerVerdict verdict;
        List<string> undelivered;
        while (true)
        {
            ledger = await ReadAsync(codes, cancellationToken);
            verdict = LedgerVerdict.Judge([.. acknowledged.Select(a => a.Ack)], ledger.Confirmations, ledger.StoredRefunds);
            undelivered = Undelivered(ledger, delivered());
            undelivered.AddRange(issued.Where(code => !ledger.Notices.Contains(code)).Select(code => $"lost: notice {code} was issued (00000 to the unit platform) but is not stored"));
            if ((verdict.Missing.Count == 0 && undelivered.Count == 0) || verdict.Violations.Count > 0 || DateTime.UtcNow >= deadline)
            {
                break;
            }

            log($"waiting: {verdict.Missing.Count} acknowledged not yet stored, {undelivered.Count} outbound not yet delivered");
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        }

        var problems = new List<string>();
        problems.AddRange(verdict.Missing.Select(m => "lost: " + m));
        problems.AddRange(verdict.Violations.Select(v => "duplicated: " + v));
        problems.AddRange(undelivered);

        // No confirmation applied twice, acknowledged or not; none that no bank sent.
        foreach (var twice in ledger.Confirmations.Where(c => c.Outcome is "revenue" or "duplicate").GroupBy(c => (c.Src, c.TraNoBus)).Where(g => g.Count() > 1))
        {
            problems.Add($"applied twice: {twice.Key.Src} {twice.Key.TraNoBus} stored {twice.Count()} times");
        }

        foreach (var phantom in ledger.Confirmations.Where(c => !sent.Contains((c.Src, c.TraNoBus))))
        {
            problems.Add($"stored but never sent: {phantom.Src} {phantom.TraNoBus} on {phantom.PayCode}");
        }

        foreach (var code in ledger.Confirmations.Where(c => c.Outcome == "revenue").GroupBy(c => c.PayCode).Where(g => g.Count() > 1))
        {
            problems.Add($"{code.Key}: {code.Count()} revenue rows");
        }

        // Money: every payment a bank took is revenue or comes back as a technical refund.
        var taken = ledger.Amounts.Where(a => a.Outcome is "revenue" or "duplicate").Sum(a => a.Amount);
        var revenue = ledger.Amounts.Where(a => a.Outcome == "revenue").Sum(a => a.Amount);
        var refunded = ledger.RefundAmounts.Sum();
        if (revenue + refunded != taken)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"money: revenue {revenue:F2} + technical refunds {refunded:F2} != taken {taken:F2}"));
        }

        var seen = delivered();
        var refundsDelivered = ledger.Refunds.Count(r => DistinctMsgIds(seen, "5617", "RefundNo", r.RefundNo) == 1);
        var revenueRows = ledger.Confirmations.Where(c => c.Outcome == "revenue").ToList();
        var unitDelivered = revenueRows.Count(c => DistinctMsgIds(seen, "5996", "PayCode", c.PayCode) == 1);
        var windows = timeline.Select((w, i) => Window(w.Fault, w.At, i + 1 < timeline.Count ? timeline[i + 1].At : DateTimeOffset.MaxValue, started, records, acknowledged, ledger)).ToList();
        return new FaultReport(seed, windows, revenue, refunded, taken, refundsDelivered, ledger.Refunds.Count, unitDelivered, revenueRows.Count, problems);
    }

    private static FaultWindow Window(
        string fault,
        DateTimeOffset from,
        DateTimeOffset to,
        DateTimeOffset started,
        IReadOnlyList<RequestRecord> records,
        List<(RequestRecord Record, Acknowledgement Ack)> acknowledged,
        Ledger ledger)
    {
        var mine = records.Where(r => r.SentAt >= from && r.SentAt < to).ToList();
        var acks = acknowledged.Where(a => a.Record.SentAt >= from && a.Record.SentAt < to).Select(a => a.Ack).ToList();
        var verdict = LedgerVerdict.Judge(acks, ledger.Confirmations, ledger.StoredRefunds);
        var unanswered = mine.Count(r => r.Result is "io" or "timeout" or "99999" or "mac" or "unreadable");
        var slowest = mine.Where(r => r.Result is not ("io" or "timeout")).MaxBy(r => r.LatencyMs);
        return new FaultWindow(fault, (from - started).TotalSeconds, mine.Count, acks.Count, unanswered, verdict.Missing.Count, verdict.Violations.Count,
            slowest?.LatencyMs ?? 0, slowest is null ? "" : $"{Names[slowest.Operation]} {slowest.Result}");
    }

    private static readonly Dictionary<LoadOperation, string> Names = new()
    {
        [LoadOperation.Issue] = "8994",
        [LoadOperation.Query] = "2601",
        [LoadOperation.Confirm] = "2612",
        [LoadOperation.Duplicate] = "2612 dup",
    };

    /// <summary>5617 for every technical refund, 5996 for every revenue confirmation: each delivered under exactly one MsgID.</summary>
    private static List<string> Undelivered(Ledger ledger, List<ExchangeRecord> seen)
    {
        var problems = new List<string>();
        foreach (var refund in ledger.Refunds)
        {
            var count = DistinctMsgIds(seen, "5617", "RefundNo", refund.RefundNo);
            if (count != 1)
            {
                problems.Add($"5617 {refund.RefundNo} to {refund.Bank}: delivered under {count} MsgIDs");
            }
        }

        foreach (var revenue in ledger.Confirmations.Where(c => c.Outcome == "revenue"))
        {
            var count = DistinctMsgIds(seen, "5996", "PayCode", revenue.PayCode);
            if (count != 1)
            {
                problems.Add($"5996 {revenue.PayCode}: delivered under {count} MsgIDs");
            }
        }

        return problems;
    }

    /// <summary>MsgIDs under which a message about <paramref name="key"/> reached a peer and was accepted (a refused attempt is retried, not delivered).</summary>
    private static int DistinctMsgIds(List<ExchangeRecord> seen, string msgNo, string field, string key) =>
        seen.Where(e => e.Direction == "in" && e.MsgNo == msgNo && e.ReplyField("Result") == "00000" && e.Request.Any(f => f.Name == field && f.Value == key))
            .Select(e => e.MsgId).Distinct(StringComparer.Ordinal).Count();

    private sealed record Ledger(
        List<StoredConfirmation> Confirmations,
        List<(string Outcome, decimal Amount)> Amounts,
        List<RefundRow> Refunds,
        List<decimal> RefundAmounts,
        HashSet<string> Notices)
    {
        public List<StoredRefund> StoredRefunds => [.. Refunds.Select(r => new StoredRefund(r.PayCode, r.Bank, r.OriTraNoBus))];
    }

    private sealed record RefundRow(string RefundNo, string PayCode, string Bank, string OriTraNoBus);

    private async Task<Ledger> ReadAsync(string[] codes, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var confirmations = new List<StoredConfirmation>();
        var amounts = new List<(string, decimal)>();
        await using (var command = dataSource.CreateCommand("SELECT pay_code, src, tra_no_bus, outcome, amount FROM nontax.payment_confirmations WHERE pay_code = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = codes });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                confirmations.Add(new StoredConfirmation(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                amounts.Add((reader.GetString(3), reader.GetDecimal(4)));
            }
        }

        var refunds = new List<RefundRow>();
        var refundAmounts = new List<decimal>();
        await using (var command = dataSource.CreateCommand("SELECT refund_no, pay_code, bank, ori_tra_no_bus, amount FROM nontax.technical_refunds WHERE pay_code = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = codes });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                refunds.Add(new RefundRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                refundAmounts.Add(reader.GetDecimal(4));
            }
        }

        var notices = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("SELECT pay_code FROM nontax.notices WHERE pay_code = ANY($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = codes });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                notices.Add(reader.GetString(0));
            }
        }

        return new Ledger(confirmations, amounts, refunds, refundAmounts, notices);
    }
}
