using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;

namespace NonTax.Grains.Tests.Journal;

/// <summary>
/// The fact records against the JSON the grains stored before they existed: each sample below is
/// the record next to the anonymous object the grain used to serialize for that kind. Writing the
/// record must give the same JSON (so old and new rows of business_facts look alike), and reading
/// the old JSON must give the record back.
/// </summary>
public sealed class FactRecordTests
{
    private static readonly DateOnly Jan10 = new(2026, 1, 10);
    private static readonly DateOnly Jan12 = new(2026, 1, 12);

    // The grains' former options (Facts.Json); the bank link serialized with the defaults.
    private static readonly JsonSerializerOptions GrainJson = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions LinkJson = new();

    private static Sample[] Samples => [.. CollectingSamples, .. ReconciliationSamples];

    private static readonly BillMoved BillMovedSample =
        new("32010126", 1, 100, "Electronic", "0104901", true, 1, 0, 0, 2, "distributed", 1, 100, "F320682", "0104901", "ops:wang", null);

    private static readonly BillNumberTaken BillTakenSample =
        new("32010126", 1, 100, "Electronic", "0104901", true, 2, 0, 0, 3, 1, "0104901");

    private static readonly BillNumberVoided BillVoidedSample =
        new("32010126", 1, 100, "Paper", "0104901", true, 2, 1, 0, 4, 1, "0104901", "卡纸", "unit:li");

    private static readonly BillVoidReturned BillReturnedSample =
        new("32010126", 1, 100, "Paper", "0104901", true, 2, 1, 0, 5, 1, "ops:wang");

    private static readonly Sample[] CollectingSamples =
    [
        Sample.Of(
            new NoticeIssued("P1", "0104901", "320682", Jan10, new DateOnly(2026, 1, 25), new DateOnly(2026, 1, 31), 4500.5m, "张三", 2,
                "13900000000", null, "32001647236051117660", null, ConfirmBack: false, "tester",
                [new NoticeIssued.Line("320682103043", "103043211", "不动产登记费", "次", 4500.5m, 1.5m)]),
            new
            {
                payCode = "P1", unitCode = "0104901", regionCode = "320682", issueDate = "20260110", dueDate = "20260125",
                lastPayableDate = "20260131", amount = "4500.50", payerName = "张三", payerType = 2, payerMobile = "13900000000",
                payerCreditCode = (string?)null, payeeAcct = "32001647236051117660", issuerNode = (string?)null, confirmBack = false,
                @operator = "tester",
                lines = new[] { new { NationalItemCode = "320682103043", ItemCode = "103043211", ItemName = "不动产登记费", UnitOfMeasure = "次", amount = "4500.50", Quantity = 1.5m } },
            }),
        Sample.Of(
            new NoticeConfirmed
            {
                PayCode = "P1", UnitCode = "0104901", Src = "D3206820105", TraNoBus = "T0001", CfmDate = Jan12, CfmTime = "101500",
                Amount = 80.3m, NoticeAmount = 80m, LateFee = 0.3m, PayMode = "02", BankOutlet = null, PayerName = "张三",
                PayeeAcct = "32001647236051117660", RefundNo = null,
            },
            new
            {
                payCode = "P1", unitCode = "0104901", src = "D3206820105", traNoBus = "T0001", cfmDate = "20260112", cfmTime = "101500",
                amount = "80.30", noticeAmount = "80.00", lateFee = (string?)"0.30", payMode = "02", bankOutlet = (string?)null,
                payerName = "张三", payeeAcct = "32001647236051117660", refundNo = (string?)null,
            }),
        Sample.Of(
            new NoticeDuplicate
            {
                PayCode = "P1", UnitCode = "0104901", Src = "D3206820103", TraNoBus = "T0002", CfmDate = Jan12, CfmTime = "101600",
                Amount = 80m, NoticeAmount = 80m, LateFee = null, PayMode = "02", BankOutlet = "0105001", PayerName = "李四",
                PayeeAcct = "32001647236051117660", RefundNo = "TP101",
            },
            new
            {
                payCode = "P1", unitCode = "0104901", src = "D3206820103", traNoBus = "T0002", cfmDate = "20260112", cfmTime = "101600",
                amount = "80.00", noticeAmount = "80.00", lateFee = (string?)null, payMode = "02", bankOutlet = (string?)"0105001",
                payerName = "李四", payeeAcct = "32001647236051117660", refundNo = (string?)"TP101",
            }),
        Sample.Of(
            new ConfirmationRefused("P1", "0104901", "D3206820105", "T0003", Jan12, 70m, 80m, "20008"),
            new { payCode = "P1", unitCode = "0104901", src = "D3206820105", traNoBus = "T0003", cfmDate = "20260112", amount = "70.00", amountDue = "80.00", result = "20008" }),
        Sample.Of(
            new NoticeVoided("P1", "0104901", 80m, Jan12, "tester", "wrong payer"),
            new { payCode = "P1", unitCode = "0104901", amount = "80.00", voidDate = "20260112", @operator = "tester", reason = "wrong payer" }),
        Sample.Of(
            new NoticeRemitted("P1", "0104901", Jan12),
            new { payCode = "P1", unitCode = "0104901", remittedDate = "20260112" }),
        Sample.Of(
            new RefundPending("TP101", 1, "P1", "0104901", "D3206820103", "D3206820103", "T0002", Jan12, 80m, "重复缴款技术性退付"),
            new
            {
                refundNo = "TP101", refundType = 1, payCode = "P1", unitCode = "0104901", bank = "D3206820103", src = "D3206820103",
                oriTraNoBus = "T0002", oriCfmDate = "20260112", amount = "80.00", reason = "重复缴款技术性退付",
            }),
        Sample.Of(
            new RefundCompleted
            {
                RefundNo = "TP101", PayCode = "P1", Bank = "D3206820103", Amount = 80m, Result = "00000", RefundDate = Jan12,
                RefundTraNo = "R0001", Information = null,
            },
            new { refundNo = "TP101", payCode = "P1", bank = "D3206820103", amount = "80.00", result = "00000", refundDate = "20260112", refundTraNo = "R0001", information = (string?)null }),
        Sample.Of(
            new RefundFailed
            {
                RefundNo = "TP101", PayCode = "P1", Bank = "D3206820103", Amount = 80m, Result = "99999", RefundDate = Jan12,
                RefundTraNo = "R0001", Information = "account closed",
            },
            new { refundNo = "TP101", payCode = "P1", bank = "D3206820103", amount = "80.00", result = "99999", refundDate = "20260112", refundTraNo = "R0001", information = "account closed" }),
        Sample.Of(
            new RefundApplied("BP101", "APP-1", "P1", "0104901", 30m, 80m, 80m, "D3206820105", "T0001", Jan12, "多缴退费", "ops:unit"),
            new
            {
                refundNo = "BP101", applicationNo = "APP-1", payCode = "P1", unitCode = "0104901", amount = "30.00", paid = "80.00",
                refundableBefore = "80.00", oriSrc = "D3206820105", oriTraNoBus = "T0001", oriCfmDate = "20260112", reason = "多缴退费",
                appliedBy = "ops:unit",
            }),
        Sample.Of(
            new RefundApproved("BP101", "P1", "0104901", "D3206820105", 30m, "ops:finance", "同意"),
            new { refundNo = "BP101", payCode = "P1", unitCode = "0104901", bank = "D3206820105", amount = "30.00", approvedBy = "ops:finance", note = (string?)"同意" }),
        Sample.Of(
            new RefundRejected("BP101", "P1", "0104901", 30m, "ops:finance", "材料不全"),
            new { refundNo = "BP101", payCode = "P1", unitCode = "0104901", amount = "30.00", rejectedBy = "ops:finance", reason = "材料不全" }),
        Sample.Of(
            new AlertRaised("refund.stuck", "BP101", "5617 BP101 to D3206820105 has no 2617 after 24 h", null, NonTax.Grains.Abstractions.Alerts.AlertSeverity.Warning),
            new { alertKind = "refund.stuck", subject = "BP101", what = "5617 BP101 to D3206820105 has no 2617 after 24 h", why = (string?)null, severity = "Warning" }),
        Sample.Of(
            new AlertAcknowledged("alert.raised:refund.stuck:BP101", "ops:duty"),
            new { alertId = "alert.raised:refund.stuck:BP101", acknowledgedBy = "ops:duty" }),
        Sample.Of(
            new AlertClosed("alert.raised:refund.stuck:BP101", "ops:duty", "银行已退付"),
            new { alertId = "alert.raised:refund.stuck:BP101", closedBy = "ops:duty", note = "银行已退付" }),
        Sample.Of(
            new DirectDebitRequested("AP101", "P1", "0104901", "D3206820105", 80m, "6217000011112222", "AUTH-1", "ops:unit"),
            new { debitNo = "AP101", payCode = "P1", unitCode = "0104901", bank = "D3206820105", amount = "80.00", payerAcct = "6217000011112222", authNo = "AUTH-1", requestedBy = "ops:unit" }),
        Sample.Of(
            new EBillIssued("P1", "0104901", "32010126", 1, "a1b2c3", false, null, null, 80m, "张三", "13800000000", "api", "ops:wang",
                new DateTimeOffset(2026, 1, 12, 2, 0, 0, TimeSpan.Zero), "PEVJbnZvaWNlLz4="),
            new { payCode = "P1", unitCode = "0104901", billCode = "32010126", billNumber = 1, checkCode = "a1b2c3", redLetter = false, relatedCode = (string?)null,
                relatedNumber = (long?)null, totalAmount = "80.00", payerName = "张三", payerPhone = "13800000000", channel = "api", @operator = "ops:wang",
                issuedAt = "2026-01-12T02:00:00+00:00", document = "PEVJbnZvaWNlLz4=" }),
        Sample.Of(
            new DirectDebitFinished("AP101", "P1", "D3206820105", "00000", 80m, Jan12, "DD0001", "00000", null),
            new { debitNo = "AP101", payCode = "P1", bank = "D3206820105", result = "00000", amount = "80.00", debitDate = "20260112", traNoBus = "DD0001", noticeResult = (string?)"00000", information = (string?)null }),
        Sample.Of(
            new UnitBlocked("0104901", "notice P1 unpaid for 40 days", Jan12, "monitoring"),
            new { unitCode = "0104901", reason = "notice P1 unpaid for 40 days", date = "20260112", @operator = "monitoring" }),
        Sample.Of(
            new UnitUnblocked("0104901", "cleared", "notice P1 unpaid for 40 days", Jan12, "supervisor"),
            new { unitCode = "0104901", reason = "cleared", previousReason = "notice P1 unpaid for 40 days", date = "20260112", @operator = "supervisor" }),
        Sample.Of(
            new BaseDataChanged("region", "320682", 2, "seed", """{"name":"old"}""", """{"name":"如皋市"}"""),
            new { entity = "region", key = "320682", version = 2, @operator = "seed", before = """{"name":"old"}""", after = """{"name":"如皋市"}""" }),
        Sample.Of(
            new BaseDataPushed("5952", 7, ["D3206820103", "D3206820105"], 12, "manual", "staff"),
            new { msgNo = "5952", seqNo = 7L, peers = new[] { "D3206820103", "D3206820105" }, rows = 12, reason = "manual", @operator = "staff" }),
        Sample.Of(
            new OutboundQueued("D3206820103", "I1", "5617", "M1", "B1", new("5617", "B1", "M1")),
            Link(new { msgNo = "5617", businessNo = "B1", msgId = "M1" }), LinkJson),
        Sample.Of(
            new OutboundRetried("D3206820103", "I1", "5617", "M1", "B1", new("staff")),
            Link(new { operatorName = "staff" }), LinkJson),
        Sample.Of(
            new OutboundClosed("D3206820103", "I1", "5617", "M1", "B1", new("sent by hand", "staff")),
            Link(new { reason = "sent by hand", operatorName = "staff" }), LinkJson),
        Sample.Of(
            new OutboundDelivered("D3206820103", "I1", "5617", "M1", "B1", new(3, "00000", "ok")),
            Link(new { attempts = 3, result = "00000", information = "ok" }), LinkJson),
        Sample.Of(
            new OutboundDead("D3206820103", "I1", "5617", "M1", "B1", new(5, "SocketException: refused")),
            Link(new { attempts = 5, lastError = "SocketException: refused" }), LinkJson),
        // Kinds born as records: their stored JSON is the record's own (no money, no dates).
        Sample.Of(BillMovedSample, BillMovedSample),
        Sample.Of(BillTakenSample, BillTakenSample),
        Sample.Of(BillVoidedSample, BillVoidedSample),
        Sample.Of(BillReturnedSample, BillReturnedSample),
    ];

    // Reconciliation kinds are new: the "old" JSON is the shape they were introduced with.
    private static readonly ReconciliationDayFigures DayFigures = new("D3206820103", Jan10, "differences", 3, 1, 2, 0, false);
    private static readonly object DayJson = new
    {
        bankNode = "D3206820103",
        businessDay = "20260110",
        status = "differences",
        version = 3,
        filesCompared = 1,
        openDifferences = 2,
        resolvedDifferences = 0,
        fileMissingAlerted = false,
    };

    private static readonly Sample[] ReconciliationSamples =
    [
        Sample.Of(new ReconciliationOpened { Day = DayFigures, Reason = "file" }, new { day = DayJson, reason = "file" }),
        Sample.Of(
            new ReconciliationCompared
            {
                Day = DayFigures, MsgNo = "2555", Run = 2, FileStatus = "differences", BatchCount = 1, BankCount = 3, BankAmount = 240.08m,
                FinanceCount = 3, FinanceAmount = 240m, MatchedCount = 1, MatchedAmount = 80m, Differences = 2, FileOpenDifferences = 2,
                Cleared = 0, Trigger = "edge",
            },
            new
            {
                day = DayJson, msgNo = "2555", run = 2, fileStatus = "differences", batchCount = 1, bankCount = 3L, bankAmount = "240.08",
                financeCount = 3L, financeAmount = "240.00", matchedCount = 1L, matchedAmount = "80.00", differences = 2, fileOpenDifferences = 2,
                cleared = 0, trigger = "edge",
            }),
        Sample.Of(
            new ReconciliationDifferenceResolved
            {
                Day = DayFigures, MsgNo = "2555", DifferenceId = 17, Resolution = "bank-error", Note = "bank confirmed by phone",
                Operator = "staff", FileStatus = "differences", FileOpenDifferences = 1,
            },
            new
            {
                day = DayJson, msgNo = "2555", differenceId = 17L, resolution = "bank-error", note = "bank confirmed by phone",
                @operator = "staff", fileStatus = "differences", fileOpenDifferences = 1,
            }),
        // Money after reconciliation: new kinds, so the JSON pinned is the record's own.
        Sample.Of(
            new AccountMovementRecorded("D3206820105", "2619", "L1", 0, "32001647236051117660", Jan12, "in", 80.3m, "late_arrival",
                null, "T0001", "P1", Jan10, "M1"),
            new
            {
                bankNode = "D3206820105", msgNo = "2619", referenceNo = "L1", lineNo = 0, accountNo = "32001647236051117660",
                businessDay = "20260112", direction = "in", amount = "80.30", movementKind = "late_arrival", counterpartyAccount = (string?)null,
                relatedNo = (string?)"T0001", payCode = (string?)"P1", originalDay = (string?)"20260110", msgId = "M1",
            }),
        Sample.Of(
            new ClearingRuleProposed("103050101", 2, Jan12, "1", 2, "A1", [new ClearingRuleProposed.Share(4, "A1", "县国库", "", 0.6m)], "ops:maker"),
            new
            {
                itemCode = "103050101", version = 2, effectiveFrom = "20260112", fundType = "1", remitMode = 2, remainderAccountNo = "A1",
                shares = new[] { new { budgetLevel = 4, accountNo = "A1", accountName = "县国库", bankNo = "", ratio = 0.6m } }, @operator = "ops:maker",
            }),
        Sample.Of(
            new ClearingRuleDecided("103050101", 2, true, "ops:checker", null),
            new { itemCode = "103050101", version = 2, approved = true, @operator = "ops:checker", reason = (string?)null }),
        Sample.Of(
            new ClearingInstructed("D3206820105", Jan10, "CL20260110D3206820105", 80.3m,
                [new ClearingInstructed.Line(1, "P1", "A1", "县国库", "103050101", "1", 4, 80.3m, 2)]),
            new
            {
                bankNode = "D3206820105", businessDay = "20260110", clearNo = "CL20260110D3206820105", amount = "80.30",
                lines = new[]
                {
                    new { lineNo = 1, payAcct = "P1", recAcct = "A1", recAcctName = "县国库", itemCode = "103050101", fundType = "1", budgetLevel = 4, amount = "80.30", ruleVersion = 2 },
                },
            }),
        Sample.Of(
            new ClearingResultRecorded("D3206820105", Jan10, "CL20260110D3206820105", "00000", Jan12, null, [new ClearingResultRecorded.Line(1, "00000", "T1")]),
            new
            {
                bankNode = "D3206820105", businessDay = "20260110", clearNo = "CL20260110D3206820105", result = "00000", execDate = "20260112",
                information = (string?)null, lines = new[] { new { lineNo = 1, result = "00000", traNo = (string?)"T1" } },
            }),
        Sample.Of(
            new RemittanceInstructed("D3206820105", Jan10, "RD2601103206822601000000010", 1, "P1", "3206820000", "国家金库如皋市支库", 4, 72m, "32068226010000000010",
                [new RemittanceInstructed.Line(1, "103043211", "10304", "1", 72m, "32068226010000000010", 3)]),
            new
            {
                bankNode = "D3206820105", businessDay = "20260110", remitNo = "RD2601103206822601000000010", remitType = 1, payAcct = "P1",
                treCode = "3206820000", treName = "国家金库如皋市支库", budgetLevel = 4, amount = "72.00", payCode = (string?)"32068226010000000010",
                lines = new[]
                {
                    new { lineNo = 1, itemCode = "103043211", budgetSubject = "10304", fundType = "1", amount = "72.00", payCode = (string?)"32068226010000000010", ruleVersion = 3 },
                },
            }),
        Sample.Of(
            new RemittanceResultRecorded("D3206820105", Jan10, "RC20260110D320682010501", "00000", Jan12, "RM1", null, "M1"),
            new
            {
                bankNode = "D3206820105", businessDay = "20260110", remitNo = "RC20260110D320682010501", result = "00000", remitDate = "20260112",
                traNo = (string?)"RM1", information = (string?)null, msgId = "M1",
            }),
        Sample.Of(
            new RemittanceDayChanged("D3206820105", Jan10, "instructed", 7, 493.35m, 0, 0, null, 3),
            new
            {
                bankNode = "D3206820105", businessDay = "20260110", status = "instructed", instructions = 7, amount = "493.35", remitted = 0, failed = 0,
                waitingFor = (string?)null, version = 3,
            }),
        Sample.Of(
            new RemittanceResent("D3206820105", Jan10, "RD2601103206822601000000011", "RD2601103206822601000000012", "40001", "ops:li"),
            new
            {
                bankNode = "D3206820105", businessDay = "20260110", remitNo = "RD2601103206822601000000011", resentAs = "RD2601103206822601000000012",
                refusedResult = "40001", @operator = "ops:li",
            }),
        Sample.Of(
            new BankAccountDayClosed("32001647236051117660", Jan10, "D3206820105", "2556", 2, 1220.25m, 1220.26m, false, 4),
            new
            {
                accountNo = "32001647236051117660", businessDay = "20260110", bankNode = "D3206820105", msgNo = "2556", run = 2,
                expectedClosing = (string?)"1220.25", bankClosing = (string?)"1220.26", balanceMatches = false, version = 4,
            }),
    ];

    public static TheoryData<string> Kinds() => [.. Samples.Select(s => s.Kind)];

    private static object Link(object detail) =>
        new { peer = "D3206820103", instructionId = "I1", msgNo = "5617", msgId = "M1", businessNo = "B1", detail };

    private static IEnumerable<Type> FactTypes() =>
        typeof(IFact).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IFact).IsAssignableFrom(t));

    private static string KindOf(Type type) => (string)type.GetProperty(nameof(IFact.Kind), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void Every_fact_record_has_its_own_kind_and_a_sample_here()
    {
        var kinds = FactTypes().Select(KindOf).ToArray();

        Assert.NotEmpty(kinds);
        Assert.Equal(kinds.Length, kinds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(kinds.Order(StringComparer.Ordinal), Samples.Select(s => s.Kind).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_fact_reads_back_as_the_record_it_was_written_from(string kind)
    {
        var sample = Samples.Single(s => s.Kind == kind);

        var fact = sample.Create();

        Assert.Equal($"{kind}:id", fact.FactId);
        Assert.Equal(kind, fact.Kind);
        Assert.Equal(sample.NewJson(), sample.ReadAndWrite(fact));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_record_writes_the_json_the_grains_stored_before_it_and_reads_it_back(string kind)
    {
        var sample = Samples.Single(s => s.Kind == kind);
        var old = sample.OldFact();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(old.PayloadJson), JsonNode.Parse(sample.NewJson())), $"{kind}: {sample.NewJson()} vs {old.PayloadJson}");
        Assert.Equal(sample.NewJson(), sample.ReadAndWrite(old));
    }

    [Fact]
    public void Money_stays_text_with_two_decimals_and_quantity_a_number()
    {
        var json = Samples.Single(s => s.Kind == NoticeIssued.Kind).NewJson();

        Assert.Contains("\"amount\":\"4500.50\"", json);
        Assert.Contains("\"quantity\":1.5", json);
        Assert.Contains("\"issueDate\":\"20260110\"", json);
        Assert.Contains("不动产登记费", json);
    }

    [Fact]
    public void A_delivered_fact_written_before_the_answer_text_was_kept_reads_without_it()
    {
        var old = new BusinessFact("outbound.delivered:x", OutboundDelivered.Kind, "D3206820103", DateTimeOffset.UnixEpoch,
            JsonSerializer.Serialize(Link(new { attempts = 1, result = "00000" })));

        Assert.Null(FactJson.Read<OutboundDelivered>(old).Detail.Information);
    }

    [Theory]
    [InlineData("payerCreditCode", "missing")]
    [InlineData("lines", "missing")]
    [InlineData("quantity", "missing")]
    public void A_field_without_a_default_must_be_present_even_when_it_may_be_null(string field, string problem)
    {
        var payload = JsonNode.Parse(Samples.Single(s => s.Kind == NoticeIssued.Kind).NewJson())!.AsObject();
        Assert.True(field == "quantity" ? payload["lines"]![0]!.AsObject().Remove(field) : payload.Remove(field));
        var fact = new BusinessFact("notice.issued:x", NoticeIssued.Kind, "P1", DateTimeOffset.UnixEpoch, payload.ToJsonString());

        var failure = Assert.Throws<JsonException>(() => FactJson.Read<NoticeIssued>(fact));

        Assert.Contains($"'{field}'", failure.Message);
        Assert.Contains(problem, failure.Message);
    }

    [Theory]
    [InlineData("amount", "\"8O.00\"", "is not an amount")]
    [InlineData("issueDate", "\"2026-01-10\"", "is not a yyyyMMdd date")]
    [InlineData("payerName", "null", "null")]
    public void A_malformed_field_is_refused_naming_it(string field, string value, string problem)
    {
        var payload = JsonNode.Parse(Samples.Single(s => s.Kind == NoticeIssued.Kind).NewJson())!.AsObject();
        payload[field] = JsonNode.Parse(value);
        var fact = new BusinessFact("notice.issued:x", NoticeIssued.Kind, "P1", DateTimeOffset.UnixEpoch, payload.ToJsonString());

        var failure = Assert.Throws<JsonException>(() => FactJson.Read<NoticeIssued>(fact));

        Assert.Equal($"$.{field}", failure.Path);
        Assert.Contains(problem, failure.Message);
    }

    [Fact]
    public void A_duplicate_must_name_its_refund_while_revenue_writes_none()
    {
        var payload = JsonNode.Parse(Samples.Single(s => s.Kind == NoticeDuplicate.Kind).NewJson())!.AsObject();
        payload["refundNo"] = null;
        var fact = new BusinessFact("notice.duplicate:x", NoticeDuplicate.Kind, "P1", DateTimeOffset.UnixEpoch, payload.ToJsonString());

        Assert.Throws<JsonException>(() => FactJson.Read<NoticeDuplicate>(fact));
        Assert.Contains("\"refundNo\":null", Samples.Single(s => s.Kind == NoticeConfirmed.Kind).NewJson());
    }

    [Fact]
    public void A_fact_of_another_kind_is_not_read_as_this_one()
    {
        var voided = Samples.Single(s => s.Kind == NoticeVoided.Kind).Create();

        Assert.Throws<ArgumentException>(() => FactJson.Read<NoticeRemitted>(voided));
    }

    /// <summary>One kind: its record, and the anonymous object the grain serialized before.</summary>
    private sealed record Sample(string Kind, Func<BusinessFact> Create, Func<string> NewJson, Func<BusinessFact, string> ReadAndWrite, Func<BusinessFact> OldFact)
    {
        public static Sample Of<TFact>(TFact record, object old, JsonSerializerOptions? oldOptions = null)
            where TFact : IFact => new(
            TFact.Kind,
            () => BusinessFact.Create("id", "subject", DateTimeOffset.UnixEpoch, record),
            () => FactJson.Serialize(record),
            fact => FactJson.Serialize(FactJson.Read<TFact>(fact)),
            () => new BusinessFact($"{TFact.Kind}:old", TFact.Kind, "subject", DateTimeOffset.UnixEpoch, JsonSerializer.Serialize(old, oldOptions ?? GrainJson)));
    }
}
