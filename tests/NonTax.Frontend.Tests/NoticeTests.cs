using Microsoft.Playwright;
using MiniExcelLibs;
using NonTax.BankSimulator;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Notices;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Frontend.Tests;

/// <summary>A unit's day in the browser: issue, import, the payer's page, a payment through the edge and the wall.</summary>
[Collection(WebSystemCollection.Name)]
public sealed class NoticeTests(WebSystemFixture system)
{
    private const string SchoolUnit = "0201001";
    private const string TuitionItem = "103050101";
    private const string Bank = "D3206820105";

    [Fact]
    public async Task A_clerk_issues_a_notice_the_payer_looks_it_up_a_bank_pays_it_and_the_wall_shows_it_without_reload()
    {
        var clerk = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.UnitBillingClerk, SchoolUnit));
        await clerk.ClickAsync("#menu-issue");
        await clerk.FillAsync("#PayerName", "李四");
        await clerk.FillAsync("#PayerCreditCode", "320682201001015678");
        await clerk.FillAsync("#ItemCode", TuitionItem);
        await clerk.FillAsync("#Amount", "1234.50");
        await WebSystemFixture.ScreenshotAsync(clerk, "issue");
        await clerk.ClickAsync("#issue");
        await clerk.WaitForSelectorAsync("#issued");
        var payCode = await clerk.InnerTextAsync("#pay-code");
        Assert.Matches("^[0-9]{20}$", payCode);
        Assert.Equal("1,234.50", await clerk.InnerTextAsync("#amount"));
        await WebSystemFixture.ScreenshotAsync(clerk, "notice");

        await clerk.ClickAsync("#print");
        Assert.StartsWith("data:image/png;base64,", await clerk.GetAttributeAsync("#qr", "src"));
        await clerk.Context.CloseAsync();

        // The payer, not signed in, on a phone-sized screen: what is owed, and no personal data.
        var payerContext = await system.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var payer = await payerContext.NewPageAsync();
        await payer.GotoAsync($"/pay/{payCode}");
        Assert.Contains("1,234.50", await payer.InnerTextAsync("#amount-due"));
        Assert.Equal("待缴款", await payer.InnerTextAsync("#status"));
        var shown = await payer.InnerTextAsync("body");
        Assert.DoesNotContain("李四", shown);
        Assert.DoesNotContain("320682201001015678", shown);
        await WebSystemFixture.ScreenshotAsync(payer, "payer");
        await payer.GotoAsync($"/pay?code={payCode}&check=ZZZZ");
        Assert.Contains("验证码", await payer.InnerTextAsync("#pay-error"));

        // The wall is open before the payment and must change without a reload.
        var operations = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.Operations));
        await operations.ClickAsync("#menu-wall");
        await operations.WaitForFunctionAsync("document.getElementById('link-state').textContent === '实时'");
        // The live link may come up before the first figures arrive ('–' until then).
        await operations.WaitForFunctionAsync("/^[0-9]+$/.test(document.getElementById('today-count').textContent.trim())");
        var countBefore = int.Parse(await operations.InnerTextAsync("#today-count"), System.Globalization.CultureInfo.InvariantCulture);
        await operations.EvaluateAsync("window.__sameDocument = true");

        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        var paid = await scenarios.PayAsync(system.Peer(Bank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", paid.ReplyField("Result"));

        await operations.WaitForFunctionAsync($"Number(document.getElementById('today-count').textContent) > {countBefore}", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.True(await operations.EvaluateAsync<bool>("window.__sameDocument === true"));
        Assert.Contains(Bank, await operations.InnerTextAsync("#by-bank"));
        await WebSystemFixture.ScreenshotAsync(operations, "wall");
        await operations.Context.CloseAsync();

        await payer.GotoAsync($"/pay/{payCode}");
        Assert.Equal("已缴款", await payer.InnerTextAsync("#status"));
        await payerContext.CloseAsync();
    }

    [Fact]
    public async Task A_batch_import_reports_the_bad_row_and_issues_the_good_ones()
    {
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.xlsx");
        var rows = new[]
        {
            Row("赵一", TuitionItem, "100.00"),
            Row("钱二", TuitionItem, "不是金额"),
            Row("孙三", TuitionItem, "300.00"),
        };
        await MiniExcel.SaveAsAsync(file, rows);
        try
        {
            var clerk = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.UnitBillingClerk, SchoolUnit));
            await clerk.ClickAsync("#menu-import");
            var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.ClickAsync("#template"));
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            await clerk.SetInputFilesAsync("#Upload", file);
            await clerk.ClickAsync("#import");
            await clerk.WaitForSelectorAsync("#report", new PageWaitForSelectorOptions { Timeout = 60_000 });
            Assert.Equal("2", await clerk.InnerTextAsync("#issued-count"));
            Assert.Equal("1", await clerk.InnerTextAsync("#refused-count"));
            var bad = clerk.Locator("#report tbody tr.error");
            Assert.Equal(1, await bad.CountAsync());
            Assert.Contains("金额", await bad.InnerTextAsync());
            Assert.StartsWith("3", (await bad.Locator("td").First.InnerTextAsync()).Trim());
            await WebSystemFixture.ScreenshotAsync(clerk, "import");
            await clerk.Context.CloseAsync();

            Assert.True(await Eventually.HoldsAsync(async () => await system.Database.ScalarAsync<long>(
                "SELECT count(*) FROM nontax.notices WHERE unit_code = $1 AND payer_name IN ('赵一', '孙三')", SchoolUnit) == 2));
            Assert.Equal(0, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.notices WHERE payer_name = '钱二'"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_education_import_bills_each_student_to_the_parents_phone_and_hostile_text_stays_text()
    {
        const string scriptName = "<script>document.title='pwned'</script>";
        const string sqlParent = "'; DROP TABLE nontax.notices; --";
        var file = Path.Combine(Path.GetTempPath(), $"education-{Guid.NewGuid():N}.xlsx");
        var suffix = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = new[]
        {
            Student($"周{suffix}", $"32068220150101{suffix}", "13900000001", sqlParent),
            Student(scriptName + suffix, $"32068220150202{suffix}", "13900000002", "吴家长"),
        };
        await MiniExcel.SaveAsAsync(file, rows);
        try
        {
            var clerk = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.UnitBillingClerk, SchoolUnit));
            await clerk.ClickAsync("#menu-import");
            var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.ClickAsync("#education-template"));
            Assert.Equal("教育收费导入模板.xlsx", download.SuggestedFilename);
            await using (var template = File.OpenRead(await download.PathAsync()))
            {
                Assert.Contains(NoticeImportTemplate.ParentMobile, template.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().First().Keys);
            }

            await clerk.SetInputFilesAsync("#Upload", file);
            await clerk.ClickAsync("#import");
            await clerk.WaitForSelectorAsync("#report", new PageWaitForSelectorOptions { Timeout = 60_000 });
            Assert.Equal("2", await clerk.InnerTextAsync("#issued-count"));
            // The name is shown as the text it is; no script of it ran.
            Assert.Contains(scriptName + suffix, await clerk.InnerTextAsync("#report"));
            Assert.NotEqual("pwned", await clerk.TitleAsync());
            await clerk.Context.CloseAsync();

            // The student is the payer, the parent's phone is the notice's, and the SQL in a free-text field is just text.
            Assert.True(await Eventually.HoldsAsync(async () => await system.Database.ScalarAsync<long>(
                "SELECT count(*) FROM nontax.notices WHERE unit_code = $1 AND payer_credit_code LIKE $2", SchoolUnit, $"%{suffix}") == 2));
            Assert.Equal("13900000001", await system.Database.ScalarAsync<string>(
                "SELECT payer_mobile FROM nontax.notices WHERE payer_name = $1", $"周{suffix}"));
            Assert.Equal("13900000002", await system.Database.ScalarAsync<string>(
                "SELECT payer_mobile FROM nontax.notices WHERE payer_name = $1", scriptName + suffix));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, object?> Student(string name, string id, string parentMobile, string parentName) => new()
    {
        [NoticeImportTemplate.StudentName] = name,
        [NoticeImportTemplate.StudentId] = id,
        [NoticeImportTemplate.StudentNumber] = "20260101",
        [NoticeImportTemplate.GradeAndClass] = "五年级3班",
        [NoticeImportTemplate.ParentName] = parentName,
        [NoticeImportTemplate.ParentMobile] = parentMobile,
        [NoticeImportTemplate.ItemCode] = TuitionItem,
        [NoticeImportTemplate.Amount] = "1500.00",
        [NoticeImportTemplate.Memo] = "秋季学期学费",
    };

    private static Dictionary<string, object?> Row(string name, string item, string amount) => new()
    {
        [NoticeImportTemplate.PayerName] = name,
        [NoticeImportTemplate.CreditCode] = "",
        [NoticeImportTemplate.Mobile] = "",
        [NoticeImportTemplate.ItemCode] = item,
        [NoticeImportTemplate.Amount] = amount,
        [NoticeImportTemplate.Quantity] = "1",
        [NoticeImportTemplate.Memo] = "",
    };
}
