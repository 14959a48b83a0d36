using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using MiniExcelLibs;
using NonTax.BankSimulator;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Reports;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Frontend.Tests;

/// <summary>
/// The statistics reports against what banks really paid over TCP: the income figures move by
/// exactly the payments made (a duplicate is no revenue but shows as refunded), the export holds
/// every row with typed amounts, a unit's user sees only the unit's own, and the charts render.
/// </summary>
[Collection(WebSystemCollection.Name)]
public sealed class ReportTests(WebSystemFixture system)
{
    private const string LandUnit = "0104901";
    private const string EducationUnit = "0201001";
    private const string PayingBank = "D3206820103";
    private const string SecondBank = "D3206820105";

    [Fact]
    public async Task Income_reports_count_what_the_banks_paid_and_the_export_holds_every_row()
    {
        var page = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.FinanceOperator));
        // Confirmation days are China days; a range around today holds them whatever the hour.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var range = $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        var byBank = $"/api/reports/income-by-unit-bank?{range}&unit={LandUnit}&bank={PayingBank}";
        var (countBefore, amountBefore) = Figures(await GetJsonAsync(page, byBank), countColumn: 4, amountColumn: 5);
        var trendBefore = TrendTotals(await GetJsonAsync(page, $"/api/reports/income-trend?{range}&unit={LandUnit}"));

        // Three notices paid at one bank; the first of them paid again at another (refunded).
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        var codes = new List<string>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var payCode = TestPayCodes.New("97");
            Assert.Equal("00000", (await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));
            Assert.Equal("00000", (await scenarios.PayAsync(system.Peer(PayingBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));
            codes.Add(payCode);
        }

        Assert.Equal("10006", (await scenarios.PayAsync(system.Peer(SecondBank), codes[0], new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));

        // The projections follow the grains' facts; the report reads the projections.
        Assert.True(await Eventually.HoldsAsync(async () =>
            Figures(await GetJsonAsync(page, byBank), 4, 5) == (countBefore + 3, amountBefore + 240.00m), TimeSpan.FromSeconds(30)),
            "income by unit and bank should grow by exactly the three payments");
        var trendAfter = TrendTotals(await GetJsonAsync(page, $"/api/reports/income-trend?{range}&unit={LandUnit}"));
        Assert.Equal(trendBefore.Payments + 3, trendAfter.Payments);
        Assert.Equal(trendBefore.Amount + 240.00m, trendAfter.Amount);
        Assert.True(await Eventually.HoldsAsync(async () =>
            TrendTotals(await GetJsonAsync(page, $"/api/reports/income-trend?{range}&unit={LandUnit}")).Duplicates == trendBefore.Duplicates + 1, TimeSpan.FromSeconds(30)),
            "the second payment is counted as a duplicate, not as revenue");

        // The receipts detail names the duplicate as such; the notice receipts list the three notices.
        var receipts = await GetJsonAsync(page, $"/api/reports/bank-receipts?{range}&unit={LandUnit}&bank={SecondBank}");
        var duplicate = Assert.Single(receipts.GetProperty("rows").EnumerateArray(), r => r[4].GetString() == codes[0]);
        Assert.Equal("重复缴款", duplicate[10].GetString());
        var noticeRows = (await GetJsonAsync(page, $"/api/reports/notice-receipts?{range}&unit={LandUnit}")).GetProperty("rows").EnumerateArray()
            .Select(r => r[0].GetString()).ToHashSet();
        Assert.True(codes.All(noticeRows.Contains), "every paid notice is in the notice receipts");

        // The export of the bank's receipts: every row of the API, amounts as numbers, and the conditions sheet.
        var api = await GetJsonAsync(page, $"/api/reports/bank-receipts?{range}&bank={PayingBank}");
        Assert.False(api.GetProperty("truncated").GetBoolean());
        var export = await page.APIRequest.GetAsync($"/api/reports/bank-receipts/export?{range}&bank={PayingBank}");
        Assert.Equal(200, export.Status);
        Assert.Equal(ReportExport.ContentType, export.Headers["content-type"]);
        using var xlsx = new MemoryStream(await export.BodyAsync());
        var sheets = xlsx.GetSheetNames();
        Assert.Equal(["银行收款明细", "查询条件"], sheets);
        var rows = xlsx.Query(useHeaderRow: true, sheetName: "银行收款明细").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(api.GetProperty("rows").GetArrayLength(), rows.Count);
        foreach (var code in codes)
        {
            var row = Assert.Single(rows, r => (string?)r["缴款码"] == code);
            Assert.Equal(80.00m, Convert.ToDecimal(row["金额"], CultureInfo.InvariantCulture));
        }

        Assert.True(await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.web_audit_log WHERE action = 'report.export' AND target = 'bank-receipts' AND outcome = 'ok'") >= 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_report_runs_and_the_base_data_reports_list_the_sandbox_bureau()
    {
        var page = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.Auditor));
        foreach (var report in ReportCatalog.All)
        {
            var response = await page.APIRequest.GetAsync($"/api/reports/{report.Name}");
            Assert.True(response.Status == 200, $"{report.Name}: {response.Status} {await response.TextAsync()}");
        }

        var units = (await GetJsonAsync(page, "/api/reports/units")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(units, r => r[0].GetString() == LandUnit && r[1].GetString() == "如皋市自然资源和规划局");
        var items = (await GetJsonAsync(page, $"/api/reports/unit-items?unit={EducationUnit}")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(items, r => r[2].GetString() == "103050101" && r[4].GetString() == "学费");
        Assert.All(items, r => Assert.Equal(EducationUnit, r[0].GetString()));
        var accounts = (await GetJsonAsync(page, "/api/reports/bank-accounts")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(accounts, r => r[0].GetString() == "32001647236051117660");

        Assert.Equal(404, (await page.APIRequest.GetAsync("/api/reports/no-such-report")).Status);
        Assert.Equal(400, (await page.APIRequest.GetAsync("/api/reports/income-trend?from=yesterday")).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_units_supervisor_sees_only_the_units_own_income_with_its_charts()
    {
        // One payment of the unit this month, so the trend has a column to draw.
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        var payCode = TestPayCodes.New("97");
        Assert.Equal("00000", (await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));
        Assert.Equal("00000", (await scenarios.PayAsync(system.Peer(PayingBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));
        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.payment_confirmations WHERE pay_code = $1", payCode) == 1));

        var page = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.UnitSupervisor, LandUnit));
        await page.ClickAsync("#menu-reports");
        await page.ClickAsync("#report-income-trend");
        Assert.Equal(1, await page.Locator("#chart svg.trend").CountAsync());
        // No unit to choose: the unit's own, whatever the address asks for.
        Assert.Equal(0, await page.Locator("#unit").CountAsync());
        await WebSystemFixture.ScreenshotAsync(page, "reports");

        await page.GotoAsync($"/reports/income-by-unit-bank?unit={EducationUnit}");
        var unitCells = await page.Locator("#report tbody tr td:first-child").AllInnerTextsAsync();
        Assert.All(unitCells, c => Assert.Equal(LandUnit, c.Trim()));
        var api = await GetJsonAsync(page, $"/api/reports/bank-receipts?unit={EducationUnit}");
        Assert.Equal(LandUnit, api.GetProperty("filter").GetProperty("unitCode").GetString());

        await page.GotoAsync("/reports/unit-income-structure");
        Assert.Contains("不动产登记费", await page.Locator("#chart svg.structure").TextContentAsync());

        await page.Context.CloseAsync();
    }

    private static async Task<JsonElement> GetJsonAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Status == 200, $"{url}: {response.Status} {await response.TextAsync()}");
        return JsonDocument.Parse(await response.BodyAsync()).RootElement.Clone();
    }

    private static (long Count, decimal Amount) Figures(JsonElement report, int countColumn, int amountColumn)
    {
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        return (rows.Sum(r => r[countColumn].GetInt64()), rows.Sum(r => r[amountColumn].GetDecimal()));
    }

    private static (long Payments, decimal Amount, long Duplicates) TrendTotals(JsonElement report)
    {
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        return (rows.Sum(r => r[1].GetInt64()), rows.Sum(r => r[2].GetDecimal()), rows.Sum(r => r[3].GetInt64()));
    }
}
