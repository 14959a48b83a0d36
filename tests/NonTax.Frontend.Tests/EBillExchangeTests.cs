using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using NonTax.BankSimulator;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;
using NonTax.Frontend.Accounts;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Integration.Tests.Fixtures;
using UglyToad.PdfPig;

namespace NonTax.Frontend.Tests;

/// <summary>
/// Staff exchange paid notices for e-bills through the JSON API and the notice page: once per
/// notice also when two exchanges race, a batch with a line per notice, red-letter reversal once,
/// the face as a PDF, and only the unit's own clerks and supervisors and finance may do it.
/// </summary>
[Collection(WebSystemCollection.Name)]
public sealed class EBillExchangeTests(WebSystemFixture system)
{
    private const string Unit = "0104901";
    private const string OtherUnit = "0201001";
    private const string PayingBank = "D3206820105";
    private const string Payer = "王小明";

    [Fact]
    public async Task Through_the_api_a_notice_is_exchanged_once_even_when_two_exchanges_race_and_a_batch_reports_each_notice()
    {
        var billCode = await StockAsync(10);
        var scarceCode = await StockAsync(1);
        var first = await PaidNoticeAsync();
        var second = await PaidNoticeAsync();
        var third = await PaidNoticeAsync();
        var unpaid = await IssuedNoticeAsync();
        using var clerk = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.UnitBillingClerk, Unit));

        // Two exchanges of one notice at once: one bill, the other call is told it already exists.
        var race = await Task.WhenAll(
            clerk.PostAsJsonAsync($"/api/notices/{first}/ebill", new { billCode }),
            clerk.PostAsJsonAsync($"/api/notices/{first}/ebill", new { billCode }));
        Assert.All(race, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answers = await Task.WhenAll(race.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(["already-exchanged", "exchanged"], answers.Select(a => a.GetProperty("status").GetString()!).Order().ToArray());
        var bill = answers[0].GetProperty("bill").GetString()!;
        Assert.Equal(bill, answers[1].GetProperty("bill").GetString());
        Assert.True(await Eventually.HoldsAsync(async () =>
            await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.ebills WHERE pay_code = $1", first) == 1));

        // A batch: a line per notice, in the order given. The scarce code has one number for two notices.
        var response = await clerk.PostAsJsonAsync("/api/ebills/exchange-batch",
            new { billCode = scarceCode, payCodes = new[] { first, second, third, unpaid, TestPayCodes.New("94") } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var lines = report.GetProperty("lines").EnumerateArray().Select(l => (PayCode: l.GetProperty("payCode").GetString()!, Status: l.GetProperty("status").GetString()!)).ToList();
        Assert.Equal([first, second, third, unpaid], lines.Take(4).Select(l => l.PayCode));
        Assert.Equal("already-exchanged", lines[0].Status);
        Assert.Equal(["exchanged", "no-stock"], new[] { lines[1].Status, lines[2].Status }.Order().ToArray());
        Assert.Equal("not-paid", lines[3].Status);
        Assert.Equal("unknown", lines[4].Status);
        Assert.Equal(1, report.GetProperty("exchanged").GetInt32());
        Assert.Equal(1, report.GetProperty("noStock").GetInt32());

        // The face as a PDF: the bill number and the payer's name are in its text.
        var pdfResponse = await clerk.GetAsync($"/api/ebills/{bill}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        AssertFace(await pdfResponse.Content.ReadAsByteArrayAsync(), bill);

        // Red-letter reversal, once: a second reversal answers the first red bill.
        var reversed = await clerk.PostAsJsonAsync($"/api/notices/{first}/ebill/reverse", new { reason = "开错了" });
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        var red = (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bill").GetString();
        var again = await (await clerk.PostAsJsonAsync($"/api/notices/{first}/ebill/reverse", new { reason = "再冲一次" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("already-reversed", again.GetProperty("status").GetString());
        Assert.Equal(red, again.GetProperty("bill").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/notices/{second}/ebill/reverse", new { reason = " " })).StatusCode);
        var listed = await clerk.GetFromJsonAsync<JsonElement>($"/api/notices/{first}/ebills");
        Assert.Equal([false, true], listed.EnumerateArray().Select(b => b.GetProperty("redLetter").GetBoolean()));
    }

    [Fact]
    public async Task Only_the_units_own_clerks_and_supervisors_and_finance_exchange_or_reverse()
    {
        var billCode = await StockAsync(5);
        var payCode = await PaidNoticeAsync();
        var body = new { billCode };

        using (var anonymous = system.NewClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/notices/{payCode}/ebill", body)).StatusCode);
        }

        foreach (var role in new[] { WebRoles.Auditor, WebRoles.Operations, WebRoles.FinanceAdministrator })
        {
            using var refused = await system.SignedInClientAsync(await system.CreateUserAsync(role));
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.PostAsJsonAsync($"/api/notices/{payCode}/ebill", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.PostAsJsonAsync("/api/ebills/exchange-batch", new { billCode, payCodes = new[] { payCode } })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.PostAsJsonAsync($"/api/notices/{payCode}/ebill/reverse", new { reason = "x" })).StatusCode);
        }

        // Another unit's clerk does not even learn that the notice exists; nothing is issued.
        using (var stranger = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.UnitBillingClerk, OtherUnit)))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/notices/{payCode}/ebill", body)).StatusCode);
            var batch = await (await stranger.PostAsJsonAsync("/api/ebills/exchange-batch", new { billCode, payCodes = new[] { payCode } })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("unknown", batch.GetProperty("lines")[0].GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/notices/{payCode}/ebill/reverse", new { reason = "x" })).StatusCode);
        }

        Assert.Equal(0, await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.ebills WHERE pay_code = $1", payCode));

        // The unit's supervisor and a finance operator may.
        using (var supervisor = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.UnitSupervisor, Unit)))
        {
            var exchanged = await supervisor.PostAsJsonAsync($"/api/notices/{payCode}/ebill", body);
            Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
            var bill = (await exchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bill").GetString();
            using var stranger = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.UnitSupervisor, OtherUnit));
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/ebills/{bill}/pdf")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/ebills/{bill}/file")).StatusCode);
        }

        using var finance = await system.SignedInClientAsync(await system.CreateUserAsync(WebRoles.FinanceOperator));
        var repeat = await (await finance.PostAsJsonAsync($"/api/notices/{payCode}/ebill", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("already-exchanged", repeat.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsJsonAsync($"/api/notices/{payCode}/ebill/reverse", new { reason = "财政冲红" })).StatusCode);
    }

    [Fact]
    public async Task A_clerk_exchanges_a_notice_on_its_page_downloads_the_pdf_and_reverses_it_once_and_the_payer_gets_the_pdf_too()
    {
        var billCode = await StockAsync(5);
        var payCode = await PaidNoticeAsync();
        var page = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.UnitBillingClerk, Unit));

        await page.GotoAsync($"/notices/{payCode}");
        Assert.Equal(1, await page.Locator("#no-ebill").CountAsync());
        await page.FillAsync("#BillCode", billCode);
        await page.ClickAsync("#exchange");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("exchanged", await page.GetAttributeAsync("#ebill-message", "data-status"));
        var row = page.Locator("#ebills tbody tr.blue");
        var bill = await row.GetAttributeAsync("data-bill");
        Assert.NotNull(bill);
        // Exchanged once: the button is gone.
        Assert.Equal(0, await page.Locator("#exchange").CountAsync());
        await WebSystemFixture.ScreenshotAsync(page, "notice-ebill");

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator(".ebill-pdf").ClickAsync());
        AssertFace(await File.ReadAllBytesAsync((await download.PathAsync())!), bill);
        var xml = await page.RunAndWaitForDownloadAsync(() => row.Locator(".ebill-xml").ClickAsync());
        Assert.True(EInvoiceVerifier.Verify(await File.ReadAllBytesAsync((await xml.PathAsync())!), new CertificateDirectory(system.EBillKeyDirectory)).IsValid);

        await page.FillAsync("#ReverseReason", "开错了");
        await page.ClickAsync("#reverse");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("reversed", await page.GetAttributeAsync("#ebill-message", "data-status"));
        Assert.Equal(1, await page.Locator("#ebills tbody tr.red-letter").CountAsync());
        Assert.Equal(0, await page.Locator("#reverse").CountAsync());
        // The batch page reports the notice as already exchanged.
        await page.ClickAsync("#menu-ebills");
        await page.FillAsync("#PayCodes", payCode);
        await page.FillAsync("#BillCode", billCode);
        await page.ClickAsync("#exchange-batch");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("already-exchanged", await page.GetAttributeAsync($"#report tr[data-paycode='{payCode}']", "data-status"));
        await WebSystemFixture.ScreenshotAsync(page, "ebill-batch");
        await page.Context.CloseAsync();

        // The payer, with the notice's check code, is offered the face beside the signed file.
        var check = (await system.Grains.GetGrain<NonTax.Grains.Abstractions.Notices.IPaymentNoticeGrain>(payCode).GetDetails())!.CheckCode;
        var payer = await system.Browser.NewPageAsync(new() { BaseURL = system.BaseUrl });
        await payer.GotoAsync($"/pay?code={payCode}&check={check}");
        var face = payer.Locator(".ebill-pdf").First;
        var payerDownload = await payer.RunAndWaitForDownloadAsync(() => face.ClickAsync());
        AssertFace(await File.ReadAllBytesAsync((await payerDownload.PathAsync())!), bill);
        Assert.Equal(404, (await payer.APIRequest.GetAsync($"/ebills/{bill}/pdf?check=aaaaaa")).Status);
        await payer.CloseAsync();
    }

    private static void AssertFace(byte[] pdf, string bill)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains(bill[9..], text, StringComparison.Ordinal);
        Assert.Contains(Payer, text, StringComparison.Ordinal);
    }

    private async Task<string> StockAsync(long count)
    {
        var billCode = "32" + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        Assert.True((await system.Grains.GetGrain<IBillCodeGrain>(billCode).Receive(1, count, BillMedium.Electronic, "F320682", "省财政厅", "ops")).Succeeded);
        Assert.True((await system.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(billCode, 1)).Distribute(Unit, null, "ops")).Succeeded);
        return billCode;
    }

    private async Task<string> IssuedNoticeAsync()
    {
        var payCode = TestPayCodes.New("94");
        var scenarios = new Scenarios(system.Finance, system.Peers, IPAddress.Loopback, TextWriter.Null);
        Assert.Equal("00000", (await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00", "--payer", Payer]), CancellationToken.None)).ReplyField("Result"));
        return payCode;
    }

    private async Task<string> PaidNoticeAsync()
    {
        var payCode = await IssuedNoticeAsync();
        var scenarios = new Scenarios(system.Finance, system.Peers, IPAddress.Loopback, TextWriter.Null);
        Assert.Equal("00000", (await scenarios.PayAsync(system.Peer(PayingBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));
        return payCode;
    }
}
