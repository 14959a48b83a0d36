using System.Net;
using System.Net.Http.Json;
using NonTax.BankSimulator;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;
using static NonTax.Integration.Tests.MoneyFlow.RemittanceSystemFixture;

namespace NonTax.Integration.Tests.MoneyFlow;

/// <summary>
/// Remittance end to end over real TCP: payments through the socket edge, the bank's 2555
/// reconciled, the day cleared (5614/2614 with the simulated bank), then the day's 5618s — central
/// for tuition (rule: central), one per payment for the land registration fee (rule: direct) — to
/// the simulated bank's server and its 2618s back through the edge; amounts to the cent, units told
/// their notices are remitted, a re-run sends nothing again, a refused 2618 alerts, bad 2618s change nothing.
/// </summary>
public sealed class RemittanceEndToEndTests(RemittanceSystemFixture system) : IClassFixture<RemittanceSystemFixture>
{
    private const string Bank = "D3206820105";
    private const string OtherBank = "D3206820103";
    private const string TuitionItem = "103050101";
    private const string LandItem = "103043211";
    private const string FiscalAccount = "32001647236051117660";
    private const string CityFiscalAccount = "32001647236051110003";

    private Scenarios Scenarios() => new(system.Finance, system.Peers, IPAddress.Loopback, TextWriter.Null);

    private DateOnly Today => system.Finance.Today();

    // Tuition stays 60 % in the county's fiscal account it is paid into and 40 % is cleared to the
    // city's; both are remitted centrally to their treasuries.
    private ClearingRule TuitionRule => new(TuitionItem, Today, "2", ClearingRule.CentralRemittance,
    [
        new ClearingShare(4, FiscalAccount, "如皋市财政局", 0.6m),
        new ClearingShare(3, CityFiscalAccount, "南通市财政局", 0.4m),
    ], FiscalAccount);

    // Land registration: 90 % county, remitted directly per payment; 10 % is cleared straight into
    // the province's treasury, so it needs no remittance.
    private ClearingRule LandRule => new(LandItem, Today, "1", ClearingRule.DirectRemittance,
    [
        new ClearingShare(4, FiscalAccount, "如皋市财政局", 0.9m),
        new ClearingShare(2, ProvinceTreasury, "国家金库江苏省分库", 0.1m),
    ], FiscalAccount);

    private HttpClient Operator(string name) => OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken, name);

    private async Task ApproveRuleAsync(ClearingRule rule)
    {
        using var maker = Operator("maker");
        using var checker = Operator("checker");
        var versions = await maker.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/ops/clearing/rules/{rule.ItemCode}");
        if (versions!.Any(v => v.GetProperty("status").GetString() == "approved"))
        {
            return;
        }

        using var proposed = await maker.PostAsJsonAsync($"/ops/clearing/rules/{rule.ItemCode}", rule);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var version = (await proposed.Content.ReadFromJsonAsync<ClearingRuleChange>())!.Version;
        using var approved = await checker.PostAsync($"/ops/clearing/rules/{rule.ItemCode}/{version}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    private async Task<string> PayAsync(string bank, string item, string amount)
    {
        var payCode = TestPayCodes.New("94");
        var (unit, unitName, name) = item == TuitionItem ? ("0201001", "如皋市教育局", "学费") : ("0104901", "如皋市自然资源和规划局", "不动产登记费");
        var scenarios = Scenarios();
        var issued = await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", amount, "--unit", unit,
            "--unitname", unitName, "--item", item, "--name", name]), CancellationToken.None);
        Assert.Equal("00000", issued.ReplyField("Result"));
        var paid = await scenarios.PayAsync(system.Peer(bank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", paid.ReplyField("Result"));
        return payCode;
    }

    /// <summary>The bank's 2555 built from what it really paid; waits until the day is matched, then clears it.</summary>
    private async Task ReconcileAndClearAsync(string bank, DateOnly day)
    {
        var paid = await Reconcile.ReadPaidAsync(system.Database.AppConnectionString, bank, day, CancellationToken.None);
        foreach (var message in Reconcile.BuildMessages(bank[^4..], day, paid))
        {
            Assert.Equal("00000", (await system.Finance.SendAsync(system.Peer(bank), "2555", message)).ReplyField("Result"));
        }

        Assert.True(await Eventually.HoldsAsync(async () => await system.Database.ScalarAsync<string>(
            "SELECT status FROM nontax.reconciliation_days WHERE bank_node = $1 AND business_day = $2", bank, day) == "matched"), "the day never matched");
        var clearing = system.Grains.GetGrain<IClearingDayGrain>(IClearingDayGrain.KeyOf(bank, day));
        await clearing.Run();
        Assert.True(await Eventually.HoldsAsync(async () => (await clearing.GetView()).Status is ClearingDayStatus.Cleared or ClearingDayStatus.Nothing),
            "the day was never cleared");
    }

    private static RemittanceInstruction[] Instructions(PeerServer server) =>
        [.. server.Seen.Where(r => r.Direction == "in" && r.MsgNo == "5618").Select(r => RemittanceInstruction.Parse(VoucherPaths.ToVoucher(r.Request)).Value!)];

    private async Task<decimal> ItemRevenueAsync(string bank, DateOnly day, string item) =>
        await system.Database.ScalarAsync<decimal>(
            "SELECT coalesce(sum(l.amount), 0) FROM nontax.notice_lines l JOIN nontax.payment_confirmations p ON p.pay_code = l.pay_code "
            + "WHERE p.src = $1 AND p.cfm_date = $2 AND p.outcome = 'revenue' AND l.item_code = $3", bank, day, item);

    [Fact]
    public async Task A_cleared_day_is_remitted_centrally_and_directly_to_the_cent_and_a_rerun_sends_nothing_again()
    {
        await using var bankServer = Scenarios().StartServer(system.Peer(Bank));
        await ApproveRuleAsync(TuitionRule);
        await ApproveRuleAsync(LandRule);
        var land = new[] { await PayAsync(Bank, LandItem, "80.00"), await PayAsync(Bank, LandItem, "80.00") };
        var tuition = new[] { await PayAsync(Bank, TuitionItem, "100.00"), await PayAsync(Bank, TuitionItem, "33.34") };
        var day = Today;
        var remittance = system.Grains.GetGrain<IRemittanceDayGrain>(IRemittanceDayGrain.KeyOf(Bank, day));

        // Not cleared yet: nothing is computed or sent.
        Assert.Equal(RemittanceDayStatus.Waiting, (await remittance.Run()).Status);
        Assert.Empty(Instructions(bankServer));

        await ReconcileAndClearAsync(Bank, day);
        using var ops = Operator("checker");
        using var run = await ops.PostAsync($"/ops/remittance/days/{Bank}/{day:yyyyMMdd}/run", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.True(await Eventually.HoldsAsync(async () => (await remittance.GetView()).Status == RemittanceDayStatus.Remitted), "the 2618s never came back");

        var sent = Instructions(bankServer);
        var central = sent.Where(s => s.RemitType == RemittanceInstruction.Central).ToArray();
        var direct = sent.Where(s => s.RemitType == RemittanceInstruction.Direct).ToArray();

        // Central: the day's tuition, split 60/40 to the cent, from the account each share sits in to its level's treasury.
        var tuitionTotal = await ItemRevenueAsync(Bank, day, TuitionItem);
        Assert.Equal(tuitionTotal, central.Sum(c => c.AllAmt));
        var county = Assert.Single(central, c => c.BudgetLevel == 4);
        var city = Assert.Single(central, c => c.BudgetLevel == 3);
        Assert.Equal((FiscalAccount, CountyTreasury, CityFiscalAccount, CityTreasury), (county.PayAcct, county.TreCode, city.PayAcct, city.TreCode));
        Assert.True(Math.Abs(county.AllAmt - (tuitionTotal * 0.6m)) < 0.01m);
        Assert.All(central, c => Assert.All(c.Details, d => Assert.Equal((TuitionItem, "10305", ""), (d.ItemCode, d.BudgetSubject, d.PayCode))));

        // Direct: one per land payment for the county's 90 %; the province's 10 % was cleared into its treasury already.
        Assert.Equal(land.Order(), direct.Select(d => Assert.Single(d.Details).PayCode).Order());
        Assert.All(direct, d => Assert.Equal((4, CountyTreasury, 72.00m, FiscalAccount), (d.BudgetLevel, d.TreCode, d.AllAmt, d.PayAcct)));
        Assert.All(direct, d => Assert.Equal(IRemittanceDayGrain.DirectRemitNo(day, d.Details[0].PayCode, 1), d.RemitNo));

        // Recorded: the day, every instruction remitted, a movement per remittance, the notices remitted for their units.
        Assert.Equal("remitted", await system.Database.ScalarAsync<string>("SELECT status FROM nontax.remittance_days WHERE bank_node = $1 AND business_day = $2", Bank, day));
        Assert.Equal(sent.Length, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.remittances WHERE bank_node = $1 AND business_day = $2 AND status = 'remitted'", Bank, day));
        Assert.Equal(sent.Sum(s => s.AllAmt), await system.Database.ScalarAsync<decimal>(
            "SELECT sum(amount) FROM nontax.account_movements WHERE bank_node = $1 AND kind = 'remittance' AND original_day = $2", Bank, day));
        Assert.True(await Eventually.HoldsAsync(async () => await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.notices WHERE pay_code = ANY($1) AND remitted_date IS NOT NULL", (object)land.Concat(tuition).ToArray()) == 4), "the units were never told");

        // Re-running (operator, scheduler, reminder) sends nothing again and changes nothing.
        await remittance.Run();
        await system.Grains.GetGrain<IRemittanceSchedulerGrain>(IRemittanceSchedulerGrain.ClusterKey).Tick();
        await system.Grains.GetGrain<IBankLinkGrain>(Bank).DeliverDue();
        Assert.Equal(sent.Length, Instructions(bankServer).Length);
        Assert.Equal(4, (await remittance.GetView()).Instructions);

        // A repeated 2618 is answered as recorded; a different result for it, or one from another bank, is refused.
        var first = direct[0];
        var again = new RemittanceResult(first.RemitNo, first.RemitType, "00000", day, first.AllAmt, "RM-again");
        Assert.Equal(ResultCodes.Success, (await system.Finance.SendAsync(system.Peer(Bank), MsgNos.RemittanceResult, VoucherPaths.ToFields(again.ToVoucher()))).ReplyField("Result"));
        var changed = again with { Result = "40001", TraNo = "" };
        Assert.Equal(ResultCodes.TraNoBusReused, (await system.Finance.SendAsync(system.Peer(Bank), MsgNos.RemittanceResult, VoucherPaths.ToFields(changed.ToVoucher()))).ReplyField("Result"));
        var wrongAmount = again with { AllAmt = first.AllAmt + 1m };
        Assert.Equal(ResultCodes.MalformedField, (await system.Finance.SendAsync(system.Peer(Bank), MsgNos.RemittanceResult, VoucherPaths.ToFields(wrongAmount.ToVoucher()))).ReplyField("Result"));
        var centralAgain = new RemittanceResult(county.RemitNo, county.RemitType, "00000", day, county.AllAmt, "RM-x");
        Assert.Equal(ResultCodes.NotAllowed, (await system.Finance.SendAsync(system.Peer(OtherBank), MsgNos.RemittanceResult, VoucherPaths.ToFields(centralAgain.ToVoucher()))).ReplyField("Result"));
        Assert.Equal(sent.Length, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.account_movements WHERE kind = 'remittance' AND bank_node = $1 AND original_day = $2", Bank, day));
    }

    [Fact]
    public async Task A_2618_that_names_no_instruction_or_the_wrong_amount_is_refused_and_changes_nothing()
    {
        var unknown = new RemittanceResult("RC20200101D320682010501", 2, "00000", Today, 1m, "T");
        Assert.Equal(ResultCodes.MalformedField, (await system.Finance.SendAsync(system.Peer(Bank), MsgNos.RemittanceResult, VoucherPaths.ToFields(unknown.ToVoucher()))).ReplyField("Result"));
        var notOurs = unknown with { RemitNo = "XX20200101D320682010501" };
        Assert.Equal(ResultCodes.MalformedField, (await system.Finance.SendAsync(system.Peer(Bank), MsgNos.RemittanceResult, VoucherPaths.ToFields(notOurs.ToVoucher()))).ReplyField("Result"));
        Assert.Equal(0, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.remittances WHERE remit_no = $1", unknown.RemitNo));
    }

    [Fact]
    public async Task A_refused_remittance_is_recorded_and_alerted_and_once_fixed_is_resent_exactly_once()
    {
        await using var bankServer = Scenarios().StartServer(system.Peer(OtherBank));
        bankServer.RemittanceFailure = "40001";
        await ApproveRuleAsync(TuitionRule);
        await ApproveRuleAsync(LandRule);
        var payCode = await PayAsync(OtherBank, LandItem, "80.00");
        var day = Today;
        await ReconcileAndClearAsync(OtherBank, day);

        var remittance = system.Grains.GetGrain<IRemittanceDayGrain>(IRemittanceDayGrain.KeyOf(OtherBank, day));
        await remittance.Run();
        Assert.True(await Eventually.HoldsAsync(async () => (await remittance.GetView()).Status == RemittanceDayStatus.Failed), "the refusal never came back");
        var remitNo = IRemittanceDayGrain.DirectRemitNo(day, payCode, 1);
        Assert.Equal("failed", await system.Database.ScalarAsync<string>("SELECT status FROM nontax.remittances WHERE remit_no = $1", remitNo));
        Assert.Equal(1, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.alerts WHERE kind = 'remittance.failed' AND what LIKE '%' || $1 || '%'", remitNo));
        Assert.Equal(0, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.account_movements WHERE related_no = $1", remitNo));
        Assert.Equal(0, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.notices WHERE pay_code = $1 AND remitted_date IS NOT NULL", payCode));

        // The treasury account is fixed; finance re-sends, clicking twice at once: one new 5618, same content, the payment's next RemitNo.
        bankServer.RemittanceFailure = null;
        var path = $"/ops/remittance/days/{OtherBank}/{day:yyyyMMdd}/instructions/{remitNo}/resend";
        using var finance = Operator("finance");
        var clicks = await Task.WhenAll(finance.PostAsync(path, null), finance.PostAsync(path, null));
        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        var outcomes = await Task.WhenAll(clicks.Select(c => c.Content.ReadFromJsonAsync<RemittanceResendOutcome>()));
        var resentAs = IRemittanceDayGrain.DirectRemitNo(day, payCode, 2);
        Assert.All(outcomes, o => Assert.Equal((true, resentAs), (o!.Resent, o.ResentAs)));
        Assert.Single(outcomes, o => o!.AlreadyResent);
        Assert.True(await Eventually.HoldsAsync(async () => (await remittance.GetView()).Status == RemittanceDayStatus.Remitted), "the re-send was never remitted");

        var sent = Instructions(bankServer);
        var original = Assert.Single(sent, i => i.RemitNo == remitNo);
        var again = Assert.Single(sent, i => i.RemitNo == resentAs);
        Assert.Equal((original.PayAcct, original.TreCode, original.BudgetLevel, original.AllAmt), (again.PayAcct, again.TreCode, again.BudgetLevel, again.AllAmt));
        Assert.Equal(original.Details, again.Details);
        Assert.Equal("resent " + resentAs, await system.Database.ScalarAsync<string>("SELECT status || ' ' || resent_as FROM nontax.remittances WHERE remit_no = $1", remitNo));
        Assert.Equal("remitted " + remitNo, await system.Database.ScalarAsync<string>("SELECT status || ' ' || resend_of FROM nontax.remittances WHERE remit_no = $1", resentAs));
        Assert.Equal(1, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.account_movements WHERE related_no = $1", resentAs));
        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.notices WHERE pay_code = $1 AND remitted_date IS NOT NULL", payCode) == 1), "the unit was never told");

        // Asked again later: the same answer, nothing sent. A remittance that was not refused is not re-sent.
        using var later = await finance.PostAsync(path, null);
        Assert.Equal(resentAs, (await later.Content.ReadFromJsonAsync<RemittanceResendOutcome>())!.ResentAs);
        using var notRefused = await finance.PostAsync($"/ops/remittance/days/{OtherBank}/{day:yyyyMMdd}/instructions/{resentAs}/resend", null);
        Assert.Equal(HttpStatusCode.Conflict, notRefused.StatusCode);
        using var unknown = await finance.PostAsync($"/ops/remittance/days/{OtherBank}/{day:yyyyMMdd}/instructions/RX1/resend", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(2, Instructions(bankServer).Length);
    }
}
