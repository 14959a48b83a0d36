using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using NonTax.BankSimulator;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Vouchers.Reconciliation;

namespace NonTax.Integration.Tests.Reconciliation;

/// <summary>
/// T+1 reconciliation as banks meet it, over real TCP against a real cluster and PostgreSQL: three
/// banks' days (payments, a duplicate, a file with one missing record and one wrong amount), the
/// 5555 results at the banks' own servers, a corrected resend, a re-run, refused files.
/// </summary>
public sealed class ReconciliationEndToEndTests(ReconciliationSystemFixture system) : IClassFixture<ReconciliationSystemFixture>
{
    private const string FirstBank = "D3206820105";
    private const string SecondBank = "D3206820103";
    private const string Platform = "G000001";

    private Scenarios Scenarios() => new(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);

    private static string NewPayCode() =>
        TestPayCodes.New("99");

    private async Task<string> IssueAsync(string amount)
    {
        var payCode = NewPayCode();
        var reply = await Scenarios().IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", amount]), CancellationToken.None);
        Assert.Equal("00000", reply.ReplyField("Result"));
        return payCode;
    }

    private async Task<string> PayAsync(string bank, string payCode)
    {
        var reply = await Scenarios().PayAsync(system.Peer(bank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Contains(reply.ReplyField("Result"), new[] { "00000", "10006" });
        return reply.Request.Single(f => f.Name == "TraNoBus").Value;
    }

    private Task<List<TransactionReconciliation.Detail>> PaidAsync(string bank, DateOnly day) =>
        Reconcile.ReadPaidAsync(system.Database.AppConnectionString, bank, day, CancellationToken.None);

    private async Task<IReadOnlyList<ExchangeRecord>> SendFileAsync(string bank, DateOnly day, IReadOnlyList<TransactionReconciliation.Detail> records, int batch = 0)
    {
        var replies = new List<ExchangeRecord>();
        foreach (var message in Reconcile.BuildMessages(bank[1..], day, records, batch))
        {
            replies.Add(await system.Finance.SendAsync(system.Peer(bank), "2555", message));
        }

        return replies;
    }

    private Task<string?> DayStatusAsync(string bank, DateOnly day) =>
        system.Database.ScalarAsync<string>("SELECT status FROM nontax.reconciliation_days WHERE bank_node = $1 AND business_day = $2", bank, day);

    private Task<long> CountAsync(string sql, params object[] parameters) =>
        system.Database.ScalarAsync<long>(sql, parameters);

    [Fact]
    public async Task Three_banks_day_gives_exactly_the_differences_and_a_corrected_resend_resolves_it()
    {
        var day = system.Finance.Today();
        await using var first = Scenarios().StartServer(system.Peer(FirstBank));
        await using var second = Scenarios().StartServer(system.Peer(SecondBank));
        await using var platform = Scenarios().StartServer(system.Peer(Platform));

        // The first bank takes three payments; the second two, and a duplicate of one of the
        // first bank's notices (accepted money, refunded later: it is on both sides' day); the
        // payment platform three.
        var firstCodes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            firstCodes.Add(await IssueAsync("80.00"));
            await PayAsync(FirstBank, firstCodes[^1]);
        }

        var secondTraNos = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            secondTraNos.Add(await PayAsync(SecondBank, await IssueAsync("80.00")));
        }

        var duplicateTraNo = await PayAsync(SecondBank, firstCodes[0]);
        for (var i = 0; i < 3; i++)
        {
            await PayAsync(Platform, await IssueAsync("80.00"));
        }

        var firstPaid = await PaidAsync(FirstBank, day);
        var secondPaid = await PaidAsync(SecondBank, day);
        var platformPaid = await PaidAsync(Platform, day);
        Assert.Equal(3, firstPaid.Count);
        Assert.Equal(3, secondPaid.Count);
        Assert.Contains(secondPaid, p => p.TraNoBus == duplicateTraNo);
        Assert.Equal(3, platformPaid.Count);

        // The second bank's file misses one payment and states another with a wrong amount.
        var dropped = secondTraNos[0];
        var wrong = secondTraNos[1];
        var secondFile = Reconcile.Alter(secondPaid, [dropped], new Dictionary<string, decimal> { [wrong] = 80.08m });

        var firstFile = await SendFileAsync(FirstBank, day, firstPaid);
        Assert.All(firstFile, r => Assert.Equal("00000", r.ReplyField("Result")));
        Assert.All(await SendFileAsync(SecondBank, day, secondFile), r => Assert.Equal("00000", r.ReplyField("Result")));
        // The platform's day comes in two batches.
        var platformReplies = await SendFileAsync(Platform, day, platformPaid, batch: 2);
        Assert.Equal(2, platformReplies.Count);
        Assert.All(platformReplies, r => Assert.Equal("00000", r.ReplyField("Result")));

        var firstResult = Assert.Single(await Reconcile.WaitForResultAsync(first, day, TimeSpan.FromSeconds(60), CancellationToken.None));
        Assert.Equal("00000", firstResult.Result);
        Assert.Equal(3, firstResult.MatchedNum);
        Assert.Equal(240.00m, firstResult.MatchedAmt);
        Assert.Empty(firstResult.Diffs);
        // A result names the request it answers: HEAD/MsgRef is the 2555's MsgID.
        Assert.Equal(Assert.Single(firstFile).MsgId, first.Seen.Last(r => r.MsgNo == "5555").MsgRef);

        var platformResult = Assert.Single(await Reconcile.WaitForResultAsync(platform, day, TimeSpan.FromSeconds(60), CancellationToken.None));
        Assert.Equal("00000", platformResult.Result);
        Assert.Equal(3, platformResult.MatchedNum);

        // Two differences, at most two per message in this fixture: one message.
        var secondResult = Assert.Single(await Reconcile.WaitForResultAsync(second, day, TimeSpan.FromSeconds(60), CancellationToken.None));
        Assert.Equal("30001", secondResult.Result);
        Assert.Equal(1, secondResult.MatchedNum);
        Assert.Equal(2, secondResult.Diffs.Count);
        var missing = Assert.Single(secondResult.Diffs, d => d.DiffType == DifferenceType.FinanceOnly);
        Assert.Equal(dropped, missing.TraNoBus);
        Assert.Equal("80.00", missing.FinanceValue);
        var amount = Assert.Single(secondResult.Diffs, d => d.DiffType == DifferenceType.AmountDiffers);
        Assert.Equal((wrong, "Amt", "80.08", "80.00"), (amount.TraNoBus, amount.Field, amount.BankValue, amount.FinanceValue));

        Assert.Equal("matched", await DayStatusAsync(FirstBank, day));
        Assert.Equal("differences", await DayStatusAsync(SecondBank, day));
        Assert.Equal("matched", await DayStatusAsync(Platform, day));
        Assert.Equal(2, await CountAsync(
            "SELECT count(*) FROM nontax.reconciliation_differences WHERE bank_node = $1 AND business_day = $2 AND status = 'open'", SecondBank, day));

        // A re-run with the same data gives the same result and adds nothing.
        var secondDay = system.Grains.GetGrain<IReconciliationDayGrain>(new ReconciliationDay(SecondBank, day).Key);
        var before = await secondDay.Get();
        var rerun = await secondDay.Rerun("auditor");
        Assert.Equal(before.Files.Single().LastComparison, rerun.Files.Single().LastComparison);
        Assert.Equal(before.Files.Single().Run + 1, rerun.Files.Single().Run);
        Assert.Equal("differences", rerun.Status);
        Assert.Equal(2, await CountAsync(
            "SELECT count(*) FROM nontax.reconciliation_differences WHERE bank_node = $1 AND business_day = $2", SecondBank, day));
        var rerunResult = Assert.Single(await Reconcile.WaitForResultAsync(second, day, TimeSpan.FromSeconds(60), CancellationToken.None, skip: 1));
        Assert.Equal(secondResult.Diffs.OrderBy(d => d.DiffType), rerunResult.Diffs.OrderBy(d => d.DiffType));
        Assert.Equal(secondResult.MatchedNum, rerunResult.MatchedNum);

        // The corrected file resolves the day: the two differences are cleared, not lost.
        Assert.All(await SendFileAsync(SecondBank, day, secondPaid), r => Assert.Equal("00000", r.ReplyField("Result")));
        var corrected = Assert.Single(await Reconcile.WaitForResultAsync(second, day, TimeSpan.FromSeconds(60), CancellationToken.None, skip: 2));
        Assert.Equal("00000", corrected.Result);
        Assert.Equal(3, corrected.MatchedNum);
        Assert.True(await Eventually.HoldsAsync(async () => await DayStatusAsync(SecondBank, day) == "resolved"));
        Assert.Equal(2, await CountAsync(
            "SELECT count(*) FROM nontax.reconciliation_differences WHERE bank_node = $1 AND business_day = $2 AND status = 'cleared'", SecondBank, day));
        Assert.Equal(3, await CountAsync(
            "SELECT matched_count FROM nontax.reconciliation_files WHERE bank_node = $1 AND business_day = $2 AND msg_no = '2555'", SecondBank, day));
    }

    [Fact]
    public async Task Bad_files_are_refused_and_change_nothing()
    {
        var day = system.Finance.Today();
        var bank = system.Peer(FirstBank);
        var record = new TransactionReconciliation.Detail(NewPayCode(), "BAD" + RandomNumberGenerator.GetHexString(12), day, new TimeOnly(10, 0), 10.00m, 2);
        var storedBefore = await CountAsync("SELECT count(*) FROM nontax.reconciliation_payments");
        var batchesBefore = await CountAsync("SELECT count(*) FROM nontax.reconciliation_batches");

        // Totals that do not add up.
        var wrongTotals = Reconcile.BuildMessages("0105", day, [record]).Single()
            .Select(f => f.Name == "AllAmt" ? (f.Name, "11.00") : f).ToList();
        var refused = await system.Finance.SendAsync(bank, "2555", wrongTotals);
        Assert.Equal("20001", refused.ReplyField("Result"));
        Assert.Contains("AllNum/AllAmt", refused.ReplyField("Information"));

        // A day that has not ended.
        var tomorrow = Reconcile.BuildMessages("0105", day.AddDays(1), [record with { CfmDate = day.AddDays(1) }]).Single();
        Assert.Equal("20001", (await system.Finance.SendAsync(bank, "2555", tomorrow)).ReplyField("Result"));

        // The same TraNoBus twice.
        var twice = Reconcile.BuildMessages("0105", day, [record, record with { PayCode = NewPayCode() }]).Single();
        var twiceReply = await system.Finance.SendAsync(bank, "2555", twice);
        Assert.Equal("20001", twiceReply.ReplyField("Result"));
        Assert.Contains("TraNoBus", twiceReply.ReplyField("Information"));

        // A malformed field.
        var malformed = Reconcile.BuildMessages("0105", day, [record]).Single()
            .Select(f => f.Name.EndsWith("/Amt", StringComparison.Ordinal) ? (f.Name, "ten") : f).ToList();
        Assert.Equal("20001", (await system.Finance.SendAsync(bank, "2555", malformed)).ReplyField("Result"));

        // A batched file whose batches together do not make the declared day.
        var batches = Reconcile.BuildMessages("0105", day.AddDays(-3), [record with { CfmDate = day.AddDays(-3) }, record with { TraNoBus = record.TraNoBus + "X", CfmDate = day.AddDays(-3) }], 1);
        var lastBatch = batches[1].Select(f => f.Name == "AllNum" ? (f.Name, "3") : f).ToList();
        var firstBatch = batches[0].Select(f => f.Name == "AllNum" ? (f.Name, "3") : f).ToList();
        Assert.Equal("00000", (await system.Finance.SendAsync(bank, "2555", firstBatch)).ReplyField("Result"));
        var incomplete = await system.Finance.SendAsync(bank, "2555", lastBatch);
        Assert.Equal("20001", incomplete.ReplyField("Result"));

        // Only the one well-formed first batch was stored.
        Assert.Equal(storedBefore + 1, await CountAsync("SELECT count(*) FROM nontax.reconciliation_payments"));
        Assert.Equal(batchesBefore + 1, await CountAsync("SELECT count(*) FROM nontax.reconciliation_batches"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM nontax.reconciliation_pending WHERE bank_node = $1 AND business_day = $2", FirstBank, day.AddDays(-3)));
    }

    private HttpClient Operator() => OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken, "zhang.san");

    [Fact]
    public async Task Staff_resolve_a_difference_through_the_operator_api_who_how_and_when_kept_and_one_alert_per_episode()
    {
        // A day of its own: the first bank's payments a week ago do not exist, so the file's one
        // record is "bank only" against the system.
        var day = system.Finance.Today().AddDays(-7);
        var record = new TransactionReconciliation.Detail(NewPayCode(), "OWN" + RandomNumberGenerator.GetHexString(12), day, new TimeOnly(9, 30), 55.00m, 2);
        Assert.Equal("00000", (await SendFileAsync(FirstBank, day, [record])).Single().ReplyField("Result"));
        var grain = system.Grains.GetGrain<IReconciliationDayGrain>(new ReconciliationDay(FirstBank, day).Key);
        // The projected row, not the grain's interleaved view: the row commits with the run's facts.
        Assert.True(await Eventually.HoldsAsync(async () => await DayStatusAsync(FirstBank, day) == ReconciliationStatus.Differences));
        var chkDate = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var alertKey = $"alert.raised:reconciliation.differences:{FirstBank}:{chkDate}:1";
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM nontax.alerts WHERE alert_id = $1", alertKey));

        using var http = Operator();
        var listed = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/ops/reconciliation/{chkDate}/{FirstBank}?status=open");
        var difference = listed.GetProperty("differences").EnumerateArray().Single();
        Assert.Equal(DifferenceType.BankOnly, difference.GetProperty("diffType").GetInt32());
        Assert.Equal("55.00", difference.GetProperty("bankValue").GetString());
        var id = difference.GetProperty("differenceId").GetInt64();

        var refused = await http.PostAsJsonAsync($"/ops/reconciliation/{chkDate}/{FirstBank}/differences/{id}/resolve", new { resolution = "ignored", note = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var noNote = await http.PostAsJsonAsync($"/ops/reconciliation/{chkDate}/{FirstBank}/differences/{id}/resolve", new { resolution = "bank-error" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var unknown = await http.PostAsJsonAsync($"/ops/reconciliation/{chkDate}/{FirstBank}/differences/{id + 100000}/resolve", new { resolution = "bank-error", note = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ReconciliationStatus.Differences, (await grain.Get()).Status);

        var resolved = await http.PostAsJsonAsync($"/ops/reconciliation/{chkDate}/{FirstBank}/differences/{id}/resolve",
            new { resolution = "bank-error", note = "银行确认该笔为测试交易 / the bank confirmed a test transaction" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(ReconciliationStatus.Resolved, (await grain.Get()).Status);
        Assert.Equal("resolved", await DayStatusAsync(FirstBank, day));
        Assert.Equal("resolved|bank-error|ops:zhang.san|true", await system.Database.ScalarAsync<string>(
            "SELECT status || '|' || resolution || '|' || resolved_by || '|' || (resolved_at IS NOT NULL)::text FROM nontax.reconciliation_differences WHERE difference_id = $1",
            id));

        // Resolving again changes nothing; a re-run with the same data keeps the resolution and raises no new alert.
        var again = await http.PostAsJsonAsync($"/ops/reconciliation/{chkDate}/{FirstBank}/differences/{id}/resolve", new { resolution = "accepted", note = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var rerun = await http.PostAsync($"/ops/reconciliation/{chkDate}/{FirstBank}/rerun", null);
        Assert.Equal(HttpStatusCode.OK, rerun.StatusCode);
        Assert.Equal(ReconciliationStatus.Resolved, (await grain.Get()).Status);
        Assert.Equal("bank-error", await system.Database.ScalarAsync<string>(
            "SELECT resolution FROM nontax.reconciliation_differences WHERE difference_id = $1 AND status = 'resolved'", id));
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM nontax.alerts WHERE alert_id LIKE $1", $"alert.raised:reconciliation.differences:{FirstBank}:{chkDate}:%"));
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM nontax.business_facts WHERE kind = 'reconciliation.difference_resolved' AND subject = $1", FirstBank));
    }

    [Fact]
    public async Task A_file_missing_at_the_cut_off_opens_the_day_and_alerts_once()
    {
        var day = system.Finance.Today().AddDays(-10);
        var grain = system.Grains.GetGrain<IReconciliationDayGrain>(new ReconciliationDay(SecondBank, day).Key);

        Assert.True(await grain.CheckCutOff());
        Assert.True(await grain.CheckCutOff());

        var chkDate = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM nontax.alerts WHERE alert_id = $1",
            $"alert.raised:reconciliation.missing-file:{SecondBank}:{chkDate}"));
        Assert.Equal("open", await DayStatusAsync(SecondBank, day));
        Assert.True(await system.Database.ScalarAsync<bool>(
            "SELECT file_missing_alerted FROM nontax.reconciliation_days WHERE bank_node = $1 AND business_day = $2", SecondBank, day));

        // A bank whose file came is not missing.
        var record = new TransactionReconciliation.Detail(NewPayCode(), "CUT" + RandomNumberGenerator.GetHexString(12), day, new TimeOnly(9, 30), 5.00m, 2);
        Assert.Equal("00000", (await SendFileAsync(Platform, day, [record])).Single().ReplyField("Result"));
        Assert.False(await system.Grains.GetGrain<IReconciliationDayGrain>(new ReconciliationDay(Platform, day).Key).CheckCutOff());
    }
}
