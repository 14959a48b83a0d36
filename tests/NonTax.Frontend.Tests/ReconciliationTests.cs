using System.Globalization;
using NonTax.BankSimulator;
using NonTax.Frontend.Accounts;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Frontend.Tests;

/// <summary>
/// Reading and resolving a reconciliation difference in the browser, after a bank's 2555 file
/// over real TCP states one payment with a wrong amount.
/// </summary>
[Collection(WebSystemCollection.Name)]
public sealed class ReconciliationTests(WebSystemFixture system)
{
    // The bank with the 18-character token.
    private const string Bank = "D3206820103";

    [Fact]
    public async Task A_difference_from_a_banks_file_is_read_and_resolved_in_the_browser()
    {
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        await using var bankServer = scenarios.StartServer(system.Peer(Bank));
        var day = system.Finance.Today();
        var payCode = TestPayCodes.New("95");
        Assert.Equal("00000", (await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));
        var paid = await scenarios.PayAsync(system.Peer(Bank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", paid.ReplyField("Result"));
        var traNo = paid.Request.Single(f => f.Name == "TraNoBus").Value;

        // The bank's day as the finance node has it, with this payment's amount stated wrong.
        var records = await Reconcile.ReadPaidAsync(system.Database.AppConnectionString, Bank, day, CancellationToken.None);
        Assert.Contains(records, r => r.TraNoBus == traNo);
        var file = Reconcile.Alter(records, [], new Dictionary<string, decimal> { [traNo] = 80.08m });
        foreach (var message in Reconcile.BuildMessages(Bank[1..], day, file, 0))
        {
            Assert.Equal("00000", (await system.Finance.SendAsync(system.Peer(Bank), "2555", message)).ReplyField("Result"));
        }

        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<string>("SELECT status FROM nontax.reconciliation_days WHERE bank_node = $1 AND business_day = $2", Bank, day) == "differences",
            TimeSpan.FromSeconds(60)));

        // An auditor reads the difference but is offered no resolution.
        var auditor = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.Auditor));
        await auditor.GotoAsync($"/reconciliation/{day:yyyy-MM-dd}/{Bank}");
        Assert.Equal(0, await auditor.Locator("button.resolve").CountAsync());
        await auditor.Context.CloseAsync();

        var finance = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.FinanceOperator));
        await finance.ClickAsync("#menu-reconciliation");
        await finance.FillAsync("#day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await finance.ClickAsync("#search");
        var bankRow = finance.Locator($"#days tr[data-bank='{Bank}']");
        Assert.Equal("有差异", (await bankRow.Locator(".status").InnerTextAsync()).Trim());
        await bankRow.Locator("a").ClickAsync();

        var difference = finance.Locator($"#differences tr[data-tra-no='{traNo}']");
        Assert.Equal("金额不符", (await difference.Locator(".type").InnerTextAsync()).Trim());
        Assert.Equal("80.08", (await difference.Locator(".bank-value").InnerTextAsync()).Trim());
        Assert.Equal("80.00", (await difference.Locator(".finance-value").InnerTextAsync()).Trim());
        Assert.Equal("未处理", (await difference.Locator(".status").InnerTextAsync()).Trim());
        await WebSystemFixture.ScreenshotAsync(finance, "reconciliation");

        // Resolving needs a note; with one, the difference is resolved and says how, why and by whom.
        await difference.Locator("select[name=Resolution]").SelectOptionAsync("bank-error");
        await difference.Locator("button.resolve").ClickAsync();
        Assert.NotNull(await finance.QuerySelectorAsync("#message.error"));
        difference = finance.Locator($"#differences tr[data-tra-no='{traNo}']");
        await difference.Locator("select[name=Resolution]").SelectOptionAsync("bank-error");
        await difference.Locator("input[name=Note]").FillAsync("银行录入金额有误，已通知更正");
        await difference.Locator("button.resolve").ClickAsync();
        Assert.Contains("差异已处理", await finance.InnerTextAsync("#message.ok"));
        difference = finance.Locator($"#differences tr[data-tra-no='{traNo}']");
        Assert.Equal("已处理", (await difference.Locator(".status").InnerTextAsync()).Trim());
        Assert.Contains("银行录入金额有误", await difference.Locator(".resolution").InnerTextAsync());

        // The clearing page shows the bank's day with its reconciliation now resolved.
        await finance.ClickAsync("#menu-clearing");
        await finance.FillAsync("#day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await finance.ClickAsync("#search");
        Assert.Contains("差异已处理", await finance.Locator($"#clearing tr[data-bank='{Bank}']").InnerTextAsync());
        await finance.Context.CloseAsync();
    }
}
