using NonTax.BankSimulator;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;
using NonTax.Protocol.Vouchers.Reconciliation;

namespace NonTax.Integration.Tests.Reconciliation;

/// <summary>
/// 2557 (credits), 2556 (fiscal accounts) and 2581 (supervised accounts) over real TCP: the
/// bank's files built from what it did (payments, an arrival, a transfer out), altered on purpose,
/// give exactly the expected differences in 5557 and 5556 (MsgRef: the file's MsgID); a 2581
/// that names an account takes it out of the 2556 comparison; a corrected resend clears them.
/// </summary>
public sealed class AccountReconciliationEndToEndTests(ReconciliationSystemFixture system) : IClassFixture<ReconciliationSystemFixture>
{
    private const string Bank = "D3206820105";
    private const string Fiscal = "32001647236051117660";
    private const string Supervised = "32001647236051110888";
    private const string Unknown = "32001647236051110777";

    private Scenarios Scenarios() => new(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);

    private async Task<string> PayAsync()
    {
        var payCode = TestPayCodes.New("93");
        Assert.Equal("00000", (await Scenarios().IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));
        var paid = await Scenarios().PayAsync(system.Peer(Bank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", paid.ReplyField("Result"));
        return paid.Request.Single(f => f.Name == "TraNoBus").Value;
    }

    private Task<ExchangeRecord> SendAsync(string msgNo, IReadOnlyList<(string Name, string Value)> fields) =>
        system.Finance.SendAsync(system.Peer(Bank), msgNo, fields);

    private static T Parse<T>(ExchangeRecord record)
        where T : ITypedVoucher<T> => T.Parse(VoucherPaths.ToVoucher(record.Request)).Value!;

    private static async Task<ExchangeRecord> ResultAsync(PeerServer server, string msgNo, Func<ExchangeRecord, bool> match)
    {
        ExchangeRecord? found = null;
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult((found = server.Seen.LastOrDefault(r => r.Direction == "in" && r.MsgNo == msgNo && match(r))) is not null)),
            $"no {msgNo} came");
        return found!;
    }

    [Fact]
    public async Task Credits_and_account_days_give_exactly_their_differences_and_a_corrected_resend_clears_them()
    {
        var day = system.Finance.Today();
        await using var server = Scenarios().StartServer(system.Peer(Bank));
        var payments = new[] { await PayAsync(), await PayAsync(), await PayAsync() };
        var k = Guid.NewGuid().ToString("N")[..8];
        var arrival = new Arrival(day, "0105", 2, 70m, [new Arrival.Detail(k + "A1", Fiscal, 50m, "10300001000000012"), new Arrival.Detail(k + "S1", Supervised, 20m, "10300001000000012")]);
        var transfer = new InterBankTransfer(day, "0105", 1, 30m, [new InterBankTransfer.Detail(k + "T1", Fiscal, "10300001000000012", 30m)]);
        Assert.Equal(ResultCodes.Success, (await SendAsync(MsgNos.Arrival, VoucherPaths.ToFields(arrival.ToVoucher()))).ReplyField("Result"));
        Assert.Equal(ResultCodes.Success, (await SendAsync(MsgNos.InterBankTransfer, VoucherPaths.ToFields(transfer.ToVoucher()))).ReplyField("Result"));

        // Yesterday the bank closed the fiscal account at 1000.00.
        var yesterday = day.AddDays(-1);
        Assert.Equal(ResultCodes.Success, (await SendAsync(MsgNos.AccountReconciliation,
            AccountFiles.AccountMessage("2556", "0105", yesterday, [new AccountReconciliation.Detail(Fiscal, 0, 0m, 0, 0m, 1000m, 1000m)]))).ReplyField("Result"));

        // 2557: what the bank credited, less one payment and with another's amount changed.
        var credits = await AccountFiles.ReadCreditsAsync(system.Database.AppConnectionString, Bank, day, CancellationToken.None);
        Assert.Equal(5, credits.Count);
        var altered = credits.Where(c => c.TraNo != payments[0]).Select(c => c.TraNo == payments[1] ? c with { Amt = 80.08m } : c).ToList();
        var sent2557 = await SendAsync(MsgNos.ArrivalReconciliation, AccountFiles.ArrivalMessage("0105", day, altered));
        Assert.Equal(ResultCodes.Success, sent2557.ReplyField("Result"));

        var arrivals = await ResultAsync(server, MsgNos.ArrivalReconciliationResult, _ => true);
        Assert.Equal(sent2557.MsgId, arrivals.MsgRef);
        var result = Parse<ArrivalReconciliationResult>(arrivals);
        Assert.Equal((ResultCodes.ReconciliationDifferences, 3L), (result.Result, result.MatchedNum));
        Assert.Equal(2, result.Diffs.Count);
        var missing = Assert.Single(result.Diffs, d => d.DiffType == 2);
        Assert.Equal((payments[0], Fiscal, "", "80.00"), (missing.TraNo, missing.AcctNo, missing.BankValue, missing.FinanceValue));
        var amount = Assert.Single(result.Diffs, d => d.DiffType == 3);
        Assert.Equal((payments[1], "Amt", "80.08", "80.00"), (amount.TraNo, amount.Field, amount.BankValue, amount.FinanceValue));

        // 2556: the fiscal account opens at 999.00 (yesterday it closed at 1000.00), an account the
        // system never saw has a credit; the supervised account is not in it. Then the 2581 names it.
        var accounts = await AccountFiles.ReadAccountsAsync(system.Database.AppConnectionString, Bank, day, credits, CancellationToken.None);
        var fiscal = accounts.Single(a => a.AcctNo == Fiscal);
        Assert.Equal((4L, 290m, 1L, 30m, 1000m), (fiscal.InNum, fiscal.InAmt, fiscal.OutNum, fiscal.OutAmt, fiscal.OpeningBal));
        var bankFiscal = fiscal with { OpeningBal = 999m, ClosingBal = 999m + fiscal.InAmt - fiscal.OutAmt };
        Assert.Equal(ResultCodes.Success, (await SendAsync(MsgNos.AccountReconciliation, AccountFiles.AccountMessage("2556", "0105", day,
            [bankFiscal, new AccountReconciliation.Detail(Unknown, 1, 5m, 0, 0m, 0m, 5m)]))).ReplyField("Result"));
        // Before the 2581 the supervised account's credit has no bank row: finance only (three differences, two per message here).
        const string SupervisedFinanceOnly = "SELECT status FROM nontax.reconciliation_differences WHERE bank_node = $1 AND business_day = $2 AND msg_no = '2556' AND account_no = $3 AND diff_type = 2";
        Assert.True(await Eventually.HoldsAsync(async () => await system.Database.ScalarAsync<string>(SupervisedFinanceOnly, Bank, day, Supervised) == "open"));

        var sent2581 = await SendAsync(MsgNos.SupervisedAccountStatement, AccountFiles.AccountMessage("2581", "0105", day, [.. accounts.Where(a => a.AcctNo == Supervised)]));
        Assert.Equal(ResultCodes.Success, sent2581.ReplyField("Result"));
        var supervised = Parse<AccountReconciliationResult>(await ResultAsync(server, MsgNos.AccountReconciliationResult, r => r.MsgRef == sent2581.MsgId));
        Assert.Equal(("2581", ResultCodes.Success, 1L), (supervised.FileMsgNo, supervised.Result, supervised.MatchedNum));

        // The 2556 compared again without the supervised account: exactly the opening balance and the unknown account.
        ExchangeRecord? rerun = null;
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult((rerun = server.Seen.Where(r => r.MsgNo == MsgNos.AccountReconciliationResult)
            .LastOrDefault(r => Parse<AccountReconciliationResult>(r) is { FileMsgNo: "2556", BatchCount: null } v && v.ChkDate == day)) is not null)));
        var fiscalResult = Parse<AccountReconciliationResult>(rerun!);
        Assert.Equal(2, fiscalResult.Diffs.Count);
        var opening = Assert.Single(fiscalResult.Diffs, d => d.DiffType == 4);
        Assert.Equal((Fiscal, "OpeningBal", "999.00", "1000.00"), (opening.AcctNo, opening.Field, opening.BankValue, opening.FinanceValue));
        Assert.Equal(Unknown, Assert.Single(fiscalResult.Diffs, d => d.DiffType == 1).AcctNo);
        Assert.Equal("cleared", await system.Database.ScalarAsync<string>(SupervisedFinanceOnly, Bank, day, Supervised));
        Assert.Equal("differences", await system.Database.ScalarAsync<string>("SELECT status FROM nontax.reconciliation_days WHERE bank_node = $1 AND business_day = $2", Bank, day));

        // The bank corrects its 2557: all matched, the earlier differences cleared, not deleted.
        var corrected = await SendAsync(MsgNos.ArrivalReconciliation, AccountFiles.ArrivalMessage("0105", day, credits));
        var clean = Parse<ArrivalReconciliationResult>(await ResultAsync(server, MsgNos.ArrivalReconciliationResult, r => r.MsgRef == corrected.MsgId));
        Assert.Equal((ResultCodes.Success, 5L), (clean.Result, clean.MatchedNum));
        Assert.Empty(clean.Diffs);
        Assert.Equal(2L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.reconciliation_differences WHERE bank_node = $1 AND business_day = $2 AND msg_no = '2557' AND status = 'cleared'", Bank, day));
    }

    [Fact]
    public async Task A_file_that_does_not_add_up_is_refused_and_stores_nothing()
    {
        var day = system.Finance.Today().AddDays(-3);
        var unbalanced = new AccountReconciliation(day, "0105", 1, 10m, 0m, [new AccountReconciliation.Detail(Fiscal, 1, 10m, 0, 0m, 5m, 16m)]);
        var reply = await SendAsync(MsgNos.AccountReconciliation, VoucherPaths.ToFields(unbalanced.ToVoucher()));
        Assert.Equal(ResultCodes.MalformedField, reply.ReplyField("Result"));
        Assert.Contains("ClosingBal", reply.ReplyField("Information"), StringComparison.Ordinal);

        var twice = new ArrivalReconciliation(day, "0105", 2, 20m, [new ArrivalReconciliation.Detail("X1", Fiscal, 10m), new ArrivalReconciliation.Detail("X1", Fiscal, 10m)]);
        Assert.Equal(ResultCodes.MalformedField, (await SendAsync(MsgNos.ArrivalReconciliation, VoucherPaths.ToFields(twice.ToVoucher()))).ReplyField("Result"));
        var wrongTotal = new ArrivalReconciliation(day, "0105", 1, 11m, [new ArrivalReconciliation.Detail("X2", Fiscal, 10m)]);
        Assert.Equal(ResultCodes.MalformedField, (await SendAsync(MsgNos.ArrivalReconciliation, VoucherPaths.ToFields(wrongTotal.ToVoucher()))).ReplyField("Result"));
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.reconciliation_batches WHERE bank_node = $1 AND business_day = $2", Bank, day));
    }
}
