using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using NonTax.BankSimulator;
using NonTax.EBills.Document;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Fields;
using NonTax.Protocol.Time;

namespace NonTax.Integration.Tests.EBills;

/// <summary>
/// E-bills against a real cluster and PostgreSQL. A unit system over real TCP: a sandbox notice
/// issued by 8994 and paid at a bank, then 8999 (take the number), 8981 (the unit's signed bill,
/// countersigned by finance) and 8982 (the signed file back, verifying both signatures). Staff
/// over the operator API: batch exchange with a per-notice report, reversal, lookup, verification.
/// </summary>
public sealed class EBillEndToEndTests(EBillEdgeFixture system) : IClassFixture<EBillEdgeFixture>, IDisposable
{
    private readonly HttpClient _http = OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken, "zhang.san");
    private const string UnitPlatform = "K3206820001";
    private const string Bank = "D3206820105";
    private const string Unit = "0104901";

    private Scenarios Scenarios() => new(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);

    [Fact]
    public async Task A_paid_notice_becomes_a_verifiable_e_bill_through_8999_8981_and_8982()
    {
        var billCode = await StockAsync();
        var payCode = await PaidNoticeAsync();
        var platform = system.Peer(UnitPlatform);

        var numberReply = await system.Finance.SendAsync(platform, "8999", NumberRequest(billCode, Unit));
        Assert.Equal(("5001", "00000"), (numberReply.ReplyMsgNo, numberReply.ReplyField("Result")));
        var billNo = numberReply.ReplyField("Information")!;
        Assert.Equal("0000000001", billNo);

        var checkCode = BillCheckCode.New();
        var content = EInvoiceXml.Write(Face(billCode, billNo, payCode, checkCode));
        var unitKey = new EBillKeyStore(new EBillKeyOptions { Directory = system.KeyDirectory, GenerateSandboxKeys = true }, TimeProvider.System).Unit(Unit);
        var signature = EInvoiceSigner.SignAsUnit(content, unitKey, DateTimeOffset.Now);
        var exchange = await system.Finance.SendAsync(platform, "8981", Exchange(payCode, billCode, billNo, content, signature));
        Assert.Equal("5981", exchange.ReplyMsgNo);
        Assert.Equal("00000", exchange.ReplyField("Result"));
        Assert.Equal($"{billCode}-{billNo}", exchange.ReplyField("Trade_Id"));
        Assert.Equal($"https://pay.example/ebills/{billCode}-{billNo}?check={checkCode}", exchange.ReplyField("Invoice_Url"));
        Assert.Equal(ChinaTime.ToYyyyMmDd(ChinaTime.Today(TimeProvider.System)), exchange.ReplyField("Issue_Date"));

        var again = await system.Finance.SendAsync(platform, "8981", Exchange(payCode, billCode, billNo, content, signature));
        Assert.Equal("00000", again.ReplyField("Result"));
        Assert.Equal("已换开", again.ReplyField("Msg"));

        var download = await system.Finance.SendAsync(platform, "8982", Download(billCode, billNo, checkCode));
        Assert.Equal(("5982", "00000"), (download.ReplyMsgNo, download.ReplyField("Result")));
        var file = Convert.FromBase64String(download.ReplyField("Invoicefiledata")!);
        var verdict = EInvoiceVerifier.Verify(file, new CertificateDirectory(system.KeyDirectory));
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Problems));
        Assert.Equal(content, SignedEInvoice.Parse(file).SignedContent);
        Assert.Equal($"{billCode}-{billNo}", (await system.Grains.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails())!.EBill!.Key);
    }

    [Fact]
    public async Task Refusals_over_the_socket_change_nothing()
    {
        var billCode = await StockAsync();
        var payCode = await PaidNoticeAsync();
        var platform = system.Peer(UnitPlatform);

        var foreign = await system.Finance.SendAsync(platform, "8999", NumberRequest(billCode, "0309001"));
        var fromBank = await system.Finance.SendAsync(system.Peer(Bank), "8999", NumberRequest(billCode, Unit));
        Assert.Equal("20004", foreign.ReplyField("Result"));
        Assert.Equal("20004", fromBank.ReplyField("Result"));

        var billNo = (await system.Finance.SendAsync(platform, "8999", NumberRequest(billCode, Unit))).ReplyField("Information")!;
        var content = EInvoiceXml.Write(Face(billCode, billNo, payCode, BillCheckCode.New()));
        var stranger = SandboxKeys.Generate($"C=CN,O=elsewhere,CN=unit {Unit}", DateTimeOffset.Now.AddDays(-1), TimeSpan.FromDays(10));
        var forged = await system.Finance.SendAsync(platform, "8981", Exchange(payCode, billCode, billNo, content, EInvoiceSigner.SignAsUnit(content, stranger, DateTimeOffset.Now)));
        Assert.Equal("5981", forged.ReplyMsgNo);
        Assert.Equal("20001", forged.ReplyField("Result"));
        Assert.Contains("no trusted certificate", forged.ReplyField("Msg"), StringComparison.Ordinal);
        Assert.Null((await system.Grains.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails())!.EBill);

        var missing = await system.Finance.SendAsync(platform, "8982", Download(billCode, billNo, ""));
        Assert.Equal(("5982", "20004"), (missing.ReplyMsgNo, missing.ReplyField("Result")));
    }

    [Fact]
    public async Task Staff_exchange_a_batch_with_a_report_per_notice_reverse_one_and_verify_files()
    {
        var billCode = await StockAsync();
        var paid = new[] { await PaidNoticeAsync(), await PaidNoticeAsync(), await PaidNoticeAsync() };
        var unpaid = TestPayCodes.New("81");
        Assert.Equal("00000", (await Scenarios().IssueAsync(new SimulatorArguments(["issue", "--paycode", unpaid, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));

        var batch = await JsonOf(await _http.PostAsJsonAsync("/ops/ebills/exchange/batch", new { payCodes = paid.Append(unpaid).Append(paid[0]).ToArray(), billCode }));

        Assert.Equal((3, 1, 1), (batch.GetProperty("issued").GetInt32(), batch.GetProperty("repeated").GetInt32(), batch.GetProperty("refused").GetInt32()));
        var lines = batch.GetProperty("lines").EnumerateArray().ToArray();
        Assert.Equal("20004", lines[3].GetProperty("code").GetString());
        Assert.Equal(lines[0].GetProperty("bill").GetString(), lines[4].GetProperty("bill").GetString());
        Assert.Equal(3, lines.Take(3).Select(l => l.GetProperty("bill").GetString()).Distinct().Count());

        var blue = lines[1].GetProperty("bill").GetString()!;
        var view = await JsonOf(await _http.GetAsync($"/ops/ebills/{blue}"));
        Assert.True(view.GetProperty("valid").GetBoolean());
        Assert.Equal(paid[1], view.GetProperty("payCode").GetString());

        var reversal = await JsonOf(await _http.PostAsJsonAsync($"/ops/ebills/notices/{paid[1]}/reverse", new { reason = "开错" }));
        var red = reversal.GetProperty("bill").GetString()!;
        Assert.NotEqual(blue, red);
        var both = (await JsonOf(await _http.GetAsync($"/ops/ebills/notices/{paid[1]}"))).EnumerateArray().ToArray();
        Assert.Equal([false, true], both.Select(b => b.GetProperty("redLetter").GetBoolean()));
        Assert.Equal(blue, both[1].GetProperty("reverses").GetString());
        Assert.Equal(-80.00m, both[1].GetProperty("totalAmount").GetDecimal());

        var file = await (await _http.GetAsync($"/ops/ebills/{red}/file")).Content.ReadAsByteArrayAsync();
        var verified = await JsonOf(await _http.PostAsync("/ops/ebills/verify", new ByteArrayContent(file)));
        Assert.True(verified.GetProperty("valid").GetBoolean());
        file[file.Length / 3] ^= 0x01;
        var broken = await JsonOf(await _http.PostAsync("/ops/ebills/verify", new ByteArrayContent(file)));
        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.NotEqual(0, broken.GetProperty("problems").GetArrayLength());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await _http.PostAsJsonAsync("/ops/ebills/exchange/batch", new { payCodes = Array.Empty<string>() })).StatusCode);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<System.Text.Json.JsonElement> JsonOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    private async Task<string> StockAsync()
    {
        var billCode = "32" + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        Assert.True((await system.Grains.GetGrain<IBillCodeGrain>(billCode).Receive(1, 100, BillMedium.Electronic, "F320682", "省财政厅", "ops")).Succeeded);
        Assert.True((await system.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(billCode, 1)).Distribute(Unit, 50, "ops")).Succeeded);
        return billCode;
    }

    private async Task<string> PaidNoticeAsync()
    {
        var payCode = TestPayCodes.New("81");
        var scenarios = Scenarios();
        Assert.Equal("00000", (await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", "80.00"]), CancellationToken.None)).ReplyField("Result"));
        Assert.Equal("00000", (await scenarios.PayAsync(system.Peer(Bank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));
        return payCode;
    }

    private static EInvoiceContent Face(string billCode, string billNo, string payCode, string checkCode) => new()
    {
        Name = "江苏省非税收入通用票据",
        BillCode = billCode,
        BillNumber = billNo,
        CheckCode = checkCode,
        SpecimenCode = billCode + "01",
        SupervisorAreaCode = "320682",
        TotalAmount = 80.00m,
        IssuedAt = ChinaTime.Now(TimeProvider.System).AddTicks(-(ChinaTime.Now(TimeProvider.System).Ticks % TimeSpan.TicksPerSecond)),
        InvoicingParty = new InvoicingParty(Unit, "如皋市自然资源和规划局"),
        PayerParty = new PayerParty(PayerPartyType.Person, "张三"),
        HandlingPerson = "窗口",
        Checker = "复核",
        PayCode = payCode,
        Items = [new EInvoiceItem("103043211", "不动产登记费", 80.00m, "次", 1m, "80.00")],
    };

    private static (string, string)[] NumberRequest(string billCode, string unit) =>
    [
        ("BillTypeCode", billCode), ("BillTypeName", "江苏省非税收入通用票据"), ("BillVerCode", "01"), ("BillVerName", "电子"),
        ("ChgAgenCode", unit), ("Hold1", ""), ("Hold2", ""),
    ];

    private static (string, string)[] Exchange(string payCode, string billCode, string billNo, byte[] content, SignatureBlock signature) =>
    [
        ("PayCode", payCode), ("BillNo", billNo), ("AdmDivCode", "320682"), ("BillTypeCode", billCode),
        ("BillTypeName", "江苏省非税收入通用票据"), ("BillVerCode", "01"), ("BillVerName", "电子"), ("Version", "1.0"),
        ("EInvoice", Convert.ToBase64String(content)), ("Seal_Pic", ""), ("Attach_Info", ""), ("Hold1", ""),
        ("Sign_Info/Value", signature.Value), ("Sign_Info/Format", signature.Format), ("Sign_Info/Algorithm", signature.Algorithm),
        ("Sign_Info/Time", WireTime.FormatUtcDateTime(signature.Time)),
        ("Sign_Info/Key_Info/Number", signature.SerialNumber), ("Sign_Info/Key_Info/Issuer", signature.IssuerName),
        ("Recipient_Addr/Email", ""), ("Recipient_Addr/Telephone", "13800000000"),
    ];

    private static (string, string)[] Download(string billCode, string billNo, string checkCode) =>
    [
        ("BillNo", billNo), ("AdmDivCode", "320682"), ("BillTypeCode", billCode), ("BillTypeName", "江苏省非税收入通用票据"),
        ("BillVerCode", "01"), ("BillVerName", "电子"), ("Version", "1.0"), ("CrcCode", checkCode), ("Hold1", ""),
    ];
}
