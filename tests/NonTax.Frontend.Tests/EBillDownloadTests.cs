using System.Globalization;
using System.Security.Cryptography;
using NonTax.BankSimulator;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Frontend.Tests;

/// <summary>The payer downloads the e-bill of a paid notice from the payer page, in the browser.</summary>
[Collection(WebSystemCollection.Name)]
public sealed class EBillDownloadTests(WebSystemFixture system)
{
    private const string Unit = "0104901";

    [Fact]
    public async Task With_the_notices_check_code_the_payer_page_links_the_e_bill_and_the_link_hands_out_the_signed_file()
    {
        var billCode = "32" + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        Assert.True((await system.Grains.GetGrain<IBillCodeGrain>(billCode).Receive(1, 10, BillMedium.Electronic, "F320682", "省财政厅", "ops")).Succeeded);
        Assert.True((await system.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(billCode, 1)).Distribute(Unit, null, "ops")).Succeeded);
        var payCode = "32068226" + "82" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) + "0";
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        Assert.Equal("00000", (await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));
        Assert.Equal("00000", (await scenarios.PayAsync(system.Peer("D3206820105"), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));
        var notice = system.Grains.GetGrain<IPaymentNoticeGrain>(payCode);
        var bill = (await notice.ExchangeEBill(billCode, "clerk")).Bill!;
        var check = (await notice.GetDetails())!.CheckCode;

        var page = await system.Browser.NewPageAsync(new() { BaseURL = system.BaseUrl });
        await page.GotoAsync($"/pay?code={payCode}");
        Assert.Equal(0, await page.Locator(".ebill-link").CountAsync());
        await page.GotoAsync($"/pay?code={payCode}&check={check}");
        var link = page.Locator(".ebill-link");
        Assert.Equal(1, await link.CountAsync());
        Assert.Contains(bill.Key, await link.InnerTextAsync(), StringComparison.Ordinal);
        await WebSystemFixture.ScreenshotAsync(page, "payer-ebill");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var file = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var verdict = EInvoiceVerifier.Verify(file, new CertificateDirectory(system.EBillKeyDirectory));
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Problems));
        Assert.Equal(bill.BillNumber.ToString("D10", CultureInfo.InvariantCulture), verdict.Content!.BillNumber);

        var guessed = await page.APIRequest.GetAsync($"/ebills/{bill.Key}?check=aaaaaa");
        Assert.Equal(404, guessed.Status);
    }
}
