using System.Net.Http.Json;
using Microsoft.Playwright;
using NonTax.BankSimulator;
using NonTax.Frontend.Accounts;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Frontend.Tests;

/// <summary>
/// SQL and script in the free-text fields staff type — a refund's reason, a refund's rejection
/// reason, an alert's closing note — through the pages and the JSON API: each is stored as the
/// text it is (every statement is parameterised), every table is still there, and the pages that
/// show it HTML-encode it (no live element, attribute or script in the DOM).
/// </summary>
[Collection(WebSystemCollection.Name)]
public sealed class HostileFreeTextTests(WebSystemFixture system)
{
    private const string LandUnit = "0104901";
    private const string PayingBank = "D3206820103";

    private const string Script = "<script>document.title='pwned'</script>";
    private const string Attribute = "\"><img src=x onerror=\"document.title='pwned'\">";
    private const string DropRefunds = "'; DROP TABLE nontax.business_refunds; --";
    private const string OrTrue = "' OR '1'='1";

    [Fact]
    public async Task Sql_and_script_in_refund_reasons_and_alert_notes_are_stored_verbatim_and_shown_encoded()
    {
        var payCode = await PaidNoticeAsync();
        var reasonByPage = "多缴 " + Script + Attribute;
        var reasonByApi = "多缴 " + DropRefunds + OrTrue;
        var rejectionByPage = "驳回 " + DropRefunds + Script;
        var rejectionByApi = "驳回 " + Attribute + OrTrue;

        // The unit's clerk applies twice: once in the page, once through the API.
        var clerkName = await system.CreateUserAsync(WebRoles.UnitBillingClerk, LandUnit);
        var clerk = await system.SignedInPageAsync(clerkName);
        await clerk.ClickAsync("#menu-refunds");
        await clerk.FillAsync("#ApplyPayCode", payCode);
        await clerk.FillAsync("#ApplicationNo", "TF-HOSTILE-1");
        await clerk.FillAsync("#Amount", "10.00");
        await clerk.FillAsync("#Reason", reasonByPage);
        await clerk.ClickAsync("#apply");
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("已提交", await clerk.InnerTextAsync("#message.ok"));
        await AssertShownAsTextAsync(clerk, $"/refunds?PayCode={payCode}", "#refunds", reasonByPage);
        await clerk.Context.CloseAsync();

        using (var api = await system.SignedInClientAsync(clerkName))
        {
            var applied = await api.PostAsJsonAsync($"/api/notices/{payCode}/refunds", new { applicationNo = "TF-HOSTILE-2", amount = 10.00m, reason = reasonByApi });
            Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
        }

        var first = await RefundNoAsync(payCode, "TF-HOSTILE-1");
        var second = await RefundNoAsync(payCode, "TF-HOSTILE-2");
        Assert.Equal(reasonByPage, await system.Database.ScalarAsync<string>("SELECT reason FROM nontax.business_refunds WHERE refund_no = $1", first));
        Assert.Equal(reasonByApi, await system.Database.ScalarAsync<string>("SELECT reason FROM nontax.business_refunds WHERE refund_no = $1", second));

        // Finance rejects both, the same two ways.
        var financeName = await system.CreateUserAsync(WebRoles.FinanceOperator);
        var finance = await system.SignedInPageAsync(financeName);
        await finance.GotoAsync($"/refunds?Status=applied&PayCode={payCode}");
        var row = finance.Locator($"#refunds tr[data-refund='{first}']");
        await row.Locator("input[name=Reason]").FillAsync(rejectionByPage);
        await row.Locator("button.reject").ClickAsync();
        await finance.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.NotEqual("pwned", await finance.TitleAsync());
        using (var api = await system.SignedInClientAsync(financeName))
        {
            var rejected = await api.PostAsJsonAsync($"/api/refunds/{second}/reject", new { reason = rejectionByApi });
            Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        }

        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<string>("SELECT decision_note FROM nontax.business_refunds WHERE refund_no = $1", first) == rejectionByPage
            && await system.Database.ScalarAsync<string>("SELECT decision_note FROM nontax.business_refunds WHERE refund_no = $1", second) == rejectionByApi));
        await AssertShownAsTextAsync(finance, $"/refunds?PayCode={payCode}", "#refunds", reasonByApi);

        // An alert closed in the page with a hostile note, shown back in the full list.
        var subject = "D32068209" + Random.Shared.Next(10, 100);
        await system.SiloServices.GetRequiredService<IFactJournal>().RecordAsync(
            [new AlertRaised("reconciliation.missing-file", subject, $"{subject} 对账文件未到", "测试", AlertSeverity.Warning).ToFact($"web-test.hostile:{Guid.NewGuid():N}", DateTimeOffset.UtcNow)]);
        var alertId = await system.Database.ScalarAsync<string>("SELECT alert_id FROM nontax.alerts WHERE subject = $1", subject);
        var note = "已处理 " + Script + Attribute + DropRefunds;
        var operations = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.Operations));
        await operations.ClickAsync("#menu-alerts");
        var alert = operations.Locator($"#alerts tr[data-alert='{alertId}']");
        await alert.Locator("input[name=Note]").FillAsync(note);
        await alert.Locator("button.close").ClickAsync();
        Assert.Contains("已关闭", await operations.InnerTextAsync("#message.ok"));
        Assert.Equal(note, await system.Database.ScalarAsync<string>("SELECT close_note FROM nontax.alerts WHERE alert_id = $1", alertId!));
        await AssertShownAsTextAsync(operations, "/alerts?All=true", $"#alerts tr[data-alert='{alertId}'] .closed", note);
        await operations.Context.CloseAsync();
        await finance.Context.CloseAsync();

        // Every table the text named is still there, with its rows.
        Assert.NotNull(await system.Database.ScalarAsync<string>("SELECT to_regclass('nontax.business_refunds')::text"));
        Assert.Equal(2, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_refunds WHERE pay_code = $1 AND status = 'rejected'", payCode));
        Assert.True(await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.alerts") >= 1);
    }

    /// <summary>The page's HTML holds the text only encoded, and the element shows it verbatim with no element or script made of it.</summary>
    private async Task AssertShownAsTextAsync(IPage page, string url, string selector, string text)
    {
        var response = await page.GotoAsync(url);
        var html = await response!.TextAsync();
        Assert.DoesNotContain(Script, html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;", html);
        Assert.Contains(text, await page.InnerTextAsync(selector));
        Assert.Equal(0, await page.Locator($"{selector} img").CountAsync());
        Assert.Equal(0, await page.Locator("script:not([src])").Filter(new LocatorFilterOptions { HasText = "pwned" }).CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
    }

    private async Task<string> PaidNoticeAsync()
    {
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        var payCode = TestPayCodes.New("93");
        Assert.Equal("00000", (await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));
        Assert.Equal("00000", (await scenarios.PayAsync(system.Peer(PayingBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));
        return payCode;
    }

    private async Task<string> RefundNoAsync(string payCode, string applicationNo)
    {
        string? refundNo = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
            (refundNo = await system.Database.ScalarAsync<string>(
                "SELECT refund_no FROM nontax.business_refunds WHERE pay_code = $1 AND application_no = $2", payCode, applicationNo)) is not null));
        return refundNo!;
    }
}
