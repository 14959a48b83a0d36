using NonTax.EBills.Document;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Infrastructure.Projection.Queries.EBills;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using Npgsql;

namespace NonTax.Integration.Tests.EBills;

/// <summary>
/// Exchange of paid notices for e-bills on a real silo and PostgreSQL: the number comes from the
/// unit's stock, the signed file lands in nontax.ebills and verifies, a notice gets one bill even
/// when exchanges race, a red-letter bill reverses it once, and a unit system's own signed bill
/// (what 8981 brings) is countersigned only when it checks out.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EBillExchangeOnPostgresTests(PostgresFixture database) : IAsyncLifetime
{
    private const string Unit = "0104901";
    private readonly string _keys = Directory.CreateTempSubdirectory("ebill-it-keys-").FullName;
    private readonly RecordingSms _sms = new();
    private TestSilo _silo = null!;
    private NpgsqlDataSource _dataSource = null!;
    private string _billCode = "";

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(database, $"ebills-{Guid.NewGuid():N}"[..20], "ebills", services =>
        {
            services.Configure<EBillKeyOptions>(o => (o.Directory, o.GenerateSandboxKeys) = (_keys, true));
            services.Configure<NonTax.Grains.EBills.EBillOptions>(o => o.DownloadBaseUrl = "https://pay.example/ebills");
            services.AddSingleton<ISmsProvider>(_sms);
        });
        _dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        _billCode = $"32{Random.Shared.Next(0, 1_000_000):D6}";
        var codes = _silo.Grains.GetGrain<IBillCodeGrain>(_billCode);
        Assert.True((await codes.Receive(1, 1000, BillMedium.Electronic, "F320682", "省财政厅", "ops")).Succeeded);
        Assert.True((await _silo.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(_billCode, 1)).Distribute(Unit, 100, "ops")).Succeeded);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _silo.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task A_paid_notice_becomes_a_signed_verifiable_bill_with_the_units_next_number()
    {
        var payCode = await PaidNoticeAsync();

        var outcome = await Notice(payCode).ExchangeEBill(_billCode, "clerk");

        Assert.True(outcome.Succeeded, outcome.Message);
        var bill = outcome.Bill!;
        Assert.Equal((_billCode, 1L), (bill.BillCode, bill.BillNumber));
        var stored = (await new EBillArchive(_dataSource).FindAsync(_billCode, 1))!;
        Assert.Equal((payCode, Unit, 80.00m, "张三", false), (stored.PayCode, stored.UnitCode, stored.TotalAmount, stored.PayerName, stored.RedLetter));
        var verdict = EInvoiceVerifier.Verify(stored.Document, new CertificateDirectory(_keys));
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Problems));
        Assert.Equal(bill.CheckCode, verdict.Content!.CheckCode);
        Assert.Equal(payCode, verdict.Content.PayCode);
        Assert.Equal("used", await database.ScalarAsync<string>(
            "SELECT status || '/' || pay_code FROM nontax.bill_numbers WHERE bill_code = $1 AND number = 1", _billCode) is { } s ? s.Split('/')[0] : null);
        Assert.Equal(bill, (await Notice(payCode).GetDetails())!.EBill);
    }

    [Fact]
    public async Task Racing_exchanges_of_one_notice_make_one_bill_and_take_one_number()
    {
        var payCode = await PaidNoticeAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Notice(payCode).ExchangeEBill(_billCode, "clerk")));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        Assert.Single(outcomes.Select(o => o.Bill!.Key).Distinct());
        Assert.Single(outcomes, o => !o.Repeated);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.ebills WHERE pay_code = $1", payCode));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.bill_numbers WHERE bill_code = $1", _billCode));
    }

    [Fact]
    public async Task An_unpaid_or_unknown_notice_is_refused_and_takes_no_number()
    {
        var unpaid = await IssueAsync();

        var refused = await Notice(unpaid).ExchangeEBill(_billCode, "clerk");
        var unknown = await Notice("32068226999999999999").ExchangeEBill(_billCode, "clerk");

        Assert.Equal(ResultCodes.NotAllowed, refused.Code);
        Assert.Equal(ResultCodes.UnknownPayCode, unknown.Code);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.bill_numbers WHERE bill_code = $1", _billCode));
    }

    [Fact]
    public async Task A_red_letter_bill_reverses_the_bill_once_with_its_own_number()
    {
        var payCode = await PaidNoticeAsync();
        var blue = (await Notice(payCode).ExchangeEBill(_billCode, "clerk")).Bill!;

        var red = await Notice(payCode).ReverseEBill("finance", "开错单位");
        var again = await Notice(payCode).ReverseEBill("finance", "开错单位");

        Assert.True(red.Succeeded, red.Message);
        Assert.True(again.Repeated);
        Assert.Equal(red.Bill, again.Bill);
        Assert.NotEqual(blue.BillNumber, red.Bill!.BillNumber);
        var stored = (await new EBillArchive(_dataSource).FindAsync(_billCode, red.Bill.BillNumber))!;
        Assert.True(stored.RedLetter);
        Assert.Equal((-80.00m, _billCode, blue.BillNumber), (stored.TotalAmount, stored.RelatedCode, stored.RelatedNumber!.Value));
        var verdict = EInvoiceVerifier.Verify(stored.Document, new CertificateDirectory(_keys));
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Problems));
        Assert.Equal(new RelatedBill(blue.BillCode, blue.BillNumber.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)), verdict.Content!.Related);
        Assert.Equal(2, (await new EBillArchive(_dataSource).ForNoticeAsync(payCode)).Count);
    }

    [Fact]
    public async Task A_bill_the_unit_signed_is_countersigned_once_and_a_forged_one_is_refused()
    {
        var payCode = await PaidNoticeAsync();
        var number = (await _silo.Grains.GetGrain<IBillCodeGrain>(_billCode).TakeNext(Unit)).Number!.Value;
        var unitKey = new EBillKeyStore(new EBillKeyOptions { Directory = _keys, GenerateSandboxKeys = true }, TimeProvider.System).Unit(Unit);
        var content = EInvoiceXml.Write(Face(payCode, number, 80.00m));
        var signature = EInvoiceSigner.SignAsUnit(content, unitKey, DateTimeOffset.Now);

        var tampered = await Notice(payCode).AcceptUnitEBill(UnitBill(number, EInvoiceXml.Write(Face(payCode, number, 80.00m) with { PayerParty = new PayerParty(PayerPartyType.Person, "李四") }), signature));
        var wrongAmount = await Notice(payCode).AcceptUnitEBill(UnitBill(number, EInvoiceXml.Write(Face(payCode, number, 8.00m)), signature));
        var notTaken = await Notice(payCode).AcceptUnitEBill(UnitBill(number + 50, EInvoiceXml.Write(Face(payCode, number + 50, 80.00m)), signature));
        var accepted = await Notice(payCode).AcceptUnitEBill(UnitBill(number, content, signature));
        var repeated = await Notice(payCode).AcceptUnitEBill(UnitBill(number, content, signature));

        Assert.Equal(ResultCodes.MalformedField, tampered.Code);
        Assert.Contains("unit signature: does not verify", tampered.Message, StringComparison.Ordinal);
        Assert.Contains("TotalAmount 8.00", wrongAmount.Message, StringComparison.Ordinal);
        Assert.Equal(ResultCodes.NotAllowed, notTaken.Code);
        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.True(repeated.Repeated);
        var stored = (await new EBillArchive(_dataSource).FindAsync(_billCode, number))!;
        var bill = SignedEInvoice.Parse(stored.Document);
        Assert.Equal(content, bill.SignedContent);
        Assert.True(EInvoiceVerifier.Verify(stored.Document, new CertificateDirectory(_keys)).IsValid);
    }

    [Fact]
    public async Task A_voided_number_never_ends_on_a_bill()
    {
        var payCode = await PaidNoticeAsync();
        var number = (await _silo.Grains.GetGrain<IBillCodeGrain>(_billCode).TakeNext(Unit)).Number!.Value;
        var unitKey = new EBillKeyStore(new EBillKeyOptions { Directory = _keys, GenerateSandboxKeys = true }, TimeProvider.System).Unit(Unit);
        var content = EInvoiceXml.Write(Face(payCode, number, 80.00m));
        Assert.True((await _silo.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(_billCode, 1)).Void(Unit, number, "作废", "clerk")).Succeeded);

        var refused = await Notice(payCode).AcceptUnitEBill(UnitBill(number, content, EInvoiceSigner.SignAsUnit(content, unitKey, DateTimeOffset.Now)));

        Assert.Equal(ResultCodes.NotAllowed, refused.Code);
        Assert.Contains("voided", refused.Message, StringComparison.Ordinal);
        Assert.Null((await Notice(payCode).GetDetails())!.EBill);
    }

    [Fact]
    public async Task The_payer_is_sent_the_download_link_once_and_a_refused_sms_is_retried()
    {
        var payCode = await PaidNoticeAsync();
        var bill = (await Notice(payCode).ExchangeEBill(_billCode, "clerk")).Bill!;
        var notifier = _silo.Grains.GetGrain<IEBillNotifierGrain>(IEBillNotifierGrain.ClusterKey);

        _sms.Refuse = true;
        await notifier.Notify();
        Assert.Equal("pending/1", await database.ScalarAsync<string>(
            "SELECT status || '/' || attempts FROM nontax.ebill_sms WHERE bill_code = $1 AND bill_number = $2", _billCode, bill.BillNumber));
        await database.ScalarAsync<long>("UPDATE nontax.ebill_sms SET next_attempt_at = now() WHERE bill_code = $1 RETURNING 1", _billCode);
        _sms.Refuse = false;
        await notifier.Notify();
        await notifier.Notify();

        var sent = Assert.Single(_sms.Sent, m => m.AlertId == $"ebill:{bill.Key}");
        Assert.Equal("13800000000", sent.Phone);
        Assert.Contains($"https://pay.example/ebills/{bill.Key}?check={bill.CheckCode}", sent.Body, StringComparison.Ordinal);
        Assert.Contains("张三", sent.Body, StringComparison.Ordinal);
        Assert.Equal("sent", await database.ScalarAsync<string>(
            "SELECT status FROM nontax.ebill_sms WHERE bill_code = $1 AND bill_number = $2", _billCode, bill.BillNumber));
    }

    private sealed class RecordingSms : ISmsProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<SmsMessage> _sent = new();

        public volatile bool Refuse;

        public IReadOnlyList<SmsMessage> Sent => [.. _sent];

        public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
        {
            if (Refuse)
            {
                return Task.FromResult(SmsSendResult.Failed("gateway down"));
            }

            _sent.Enqueue(message);
            return Task.FromResult(SmsSendResult.Ok("ref-1"));
        }
    }

    private UnitSignedEBill UnitBill(long number, byte[] content, SignatureBlock signature) =>
        new(_billCode, number, content, signature.Value, signature.Algorithm, signature.Format, signature.Time, signature.SerialNumber,
            signature.IssuerName, "K3206820001", "13800000000");

    private EInvoiceContent Face(string payCode, long number, decimal amount) => new()
    {
        Name = "江苏省非税收入通用票据",
        BillCode = _billCode,
        BillNumber = number.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
        CheckCode = BillCheckCode.New(),
        SpecimenCode = _billCode + "01",
        SupervisorAreaCode = "320682",
        TotalAmount = amount,
        IssuedAt = new DateTimeOffset(2026, 12, 2, 10, 0, 0, ChinaTime.Offset),
        InvoicingParty = new InvoicingParty(Unit, "如皋市自然资源和规划局"),
        PayerParty = new PayerParty(PayerPartyType.Person, "张三"),
        HandlingPerson = "unit",
        Checker = "unit",
        PayCode = payCode,
        Items = [new EInvoiceItem("103043211", "不动产登记费", amount)],
    };

    private IPaymentNoticeGrain Notice(string payCode) => _silo.Grains.GetGrain<IPaymentNoticeGrain>(payCode);

    private async Task<string> PaidNoticeAsync()
    {
        var payCode = await IssueAsync();
        var paid = await Notice(payCode).Confirm(new ConfirmedPayment(payCode, "D3206820105", Guid.NewGuid().ToString("N")[..20],
            ChinaTime.Today(TimeProvider.System), "101500", 80m, "02", "张三"));
        Assert.Equal(ResultCodes.Success, paid.ResultCode);
        return payCode;
    }

    private async Task<string> IssueAsync()
    {
        var payCode = "3206822601" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var today = ChinaTime.Today(TimeProvider.System);
        var notice = new NoticeContent(payCode, Unit, "如皋市自然资源和规划局", "320682", today, today.AddDays(10), today.AddDays(40),
            new Payer("张三", MobilePhone: "13800000000"), new Payee("32001647236051117660", "如皋市财政局", "105", "建设银行", 1),
            [new NoticeLine("320682103043", "103043211", "不动产登记费", "次", 1m, "80.00", 80m)],
            80m, 0m, "tester", null, ConfirmBack: false, IssuerNode: null);
        Assert.Equal(ResultCodes.Success, (await Notice(payCode).Issue(notice)).ResultCode);
        return payCode;
    }
}
