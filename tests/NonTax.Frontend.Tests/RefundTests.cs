using Microsoft.Playwright;
using NonTax.BankSimulator;
using NonTax.Frontend.Accounts;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Frontend.Tests;

/// <summary>
/// A business refund in the browser: the unit's clerk applies, a finance operator approves, the
/// 5617 reaches the refund-reserve bank's own server over TCP and its 2617 closes the refund.
/// </summary>
[Collection(WebSystemCollection.Name)]
public sealed class RefundTests(WebSystemFixture system)
{
    private const string LandUnit = "0104901";
    private const string ReserveBank = "D3206820105";
    private const string PayingBank = "D3206820103";

    [Fact]
    public async Task A_unit_applies_for_a_refund_and_finance_approves_it_in_the_browser()
    {
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        await using var reserveBank = scenarios.StartServer(system.Peer(ReserveBank));
        var payCode = TestPayCodes.New("96");
        Assert.Equal("00000", (await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));
        Assert.Equal("00000", (await scenarios.PayAsync(system.Peer(PayingBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));

        // The unit's clerk applies; more than was paid is refused and changes nothing.
        var clerk = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.UnitBillingClerk, LandUnit));
        await clerk.ClickAsync("#menu-refunds");
        await ApplyAsync(clerk, payCode, "TF-WEB-1", "80.01");
        Assert.Contains("超过", await clerk.InnerTextAsync("#message.error"));
        await ApplyAsync(clerk, payCode, "TF-WEB-1", "30.00");
        Assert.Contains("已提交", await clerk.InnerTextAsync("#message.ok"));
        var row = clerk.Locator("#refunds tbody tr").Filter(new LocatorFilterOptions { HasText = payCode });
        Assert.Equal(1, await row.CountAsync());
        var refundNo = await row.GetAttributeAsync("data-refund");
        Assert.Equal("待审批", (await row.Locator(".status").InnerTextAsync()).Trim());
        // A clerk has no approve button.
        Assert.Equal(0, await row.Locator("button.approve").CountAsync());
        await clerk.Context.CloseAsync();

        // A finance operator approves.
        var finance = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.FinanceOperator));
        await finance.GotoAsync($"/refunds?Status=applied&PayCode={payCode}");
        var applied = finance.Locator($"#refunds tr[data-refund='{refundNo}']");
        await applied.Locator("button.approve").ClickAsync();
        Assert.Contains("已批准", await finance.InnerTextAsync("#message.ok"));
        await WebSystemFixture.ScreenshotAsync(finance, "refunds");

        // The bank's server answers the 5617 and reports 2617: the refund is done, and the page says so.
        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<string>("SELECT status FROM nontax.refunds WHERE refund_no = $1", refundNo!) == "completed",
            TimeSpan.FromSeconds(60)));
        await finance.GotoAsync($"/refunds?PayCode={payCode}");
        Assert.Equal("已退付", (await finance.Locator($"#refunds tr[data-refund='{refundNo}'] .status").InnerTextAsync()).Trim());
        await finance.Context.CloseAsync();

        Assert.Equal(1, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.web_audit_log WHERE action = 'refund.approve' AND target = $1 AND outcome = 'ok'", refundNo!));
    }

    private static async Task ApplyAsync(IPage page, string payCode, string applicationNo, string amount)
    {
        await page.FillAsync("#ApplyPayCode", payCode);
        await page.FillAsync("#ApplicationNo", applicationNo);
        await page.FillAsync("#Amount", amount);
        await page.FillAsync("#Reason", "多缴退费");
        await page.ClickAsync("#apply");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
