using System.Text.Json;
using System.Text.Json.Nodes;
using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Integration.Tests.Projection;

/// <summary>
/// Facts shaped like the grains' own (PaymentNoticeGrain, CollectingUnitGrain, BankLinkGrain), for
/// tests that need kinds or orders the running system does not produce on demand. They are built
/// as the grains built them before the typed fact records (anonymous objects), so the projection
/// tests also prove that rows already stored in business_facts still project.
/// </summary>
internal static class SampleFacts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BusinessFact Fact(string factId, string kind, string subject, DateTimeOffset at, object payload) =>
        new(factId, kind, subject, at, JsonSerializer.Serialize(payload, Json));

    public static BusinessFact Issued(string payCode, DateTimeOffset at, string? creditCode = "91320682000000001X",
        string unitCode = "0104901", string issueDate = "20260110") =>
        Fact($"notice.issued:{payCode}", "notice.issued", payCode, at, new
        {
            payCode,
            unitCode,
            regionCode = "320682",
            issueDate,
            dueDate = "20260125",
            lastPayableDate = "20260131",
            amount = "80.00",
            payerName = "张三",
            payerType = 2,
            payerMobile = "13900000000",
            payerCreditCode = creditCode,
            payeeAcct = "32001647236051117660",
            issuerNode = "K3206820001",
            confirmBack = false,
            @operator = "tester",
            lines = new[]
            {
                new { nationalItemCode = "320682103043", itemCode = "103043211", itemName = "不动产登记费", unitOfMeasure = "次", amount = "80.00", quantity = 1m },
            },
        });

    public static BusinessFact Confirmed(string payCode, DateTimeOffset at, string src = "D3206820105", string traNoBus = "T0001",
        string unitCode = "0104901", string cfmDate = "20260112") =>
        Fact($"notice.confirmed:{payCode}:{src}/{traNoBus}", "notice.confirmed", payCode, at, new
        {
            payCode,
            unitCode,
            src,
            traNoBus,
            cfmDate,
            cfmTime = "101500",
            amount = "80.00",
            noticeAmount = "80.00",
            lateFee = "0.00",
            payMode = "02",
            bankOutlet = "0105001",
            payerName = "张三",
            payeeAcct = "32001647236051117660",
            refundNo = (string?)null,
        });

    public static BusinessFact Voided(string payCode, DateTimeOffset at, string unitCode = "0104901") =>
        Fact($"notice.voided:{payCode}", "notice.voided", payCode, at, new
        {
            payCode,
            unitCode,
            amount = "80.00",
            voidDate = "20260111",
            @operator = "tester",
            reason = "wrong payer",
        });

    public static BusinessFact Remitted(string payCode, DateTimeOffset at, string unitCode = "0104901") =>
        Fact($"notice.remitted:{payCode}:{at.UtcTicks}", "notice.remitted", payCode, at, new
        {
            payCode,
            unitCode,
            remittedDate = "20260115",
        });

    public static BusinessFact RefundPending(string payCode, string refundNo, DateTimeOffset at) =>
        Fact($"refund.pending:{refundNo}", "refund.pending", payCode, at, new
        {
            refundNo,
            refundType = 1,
            payCode,
            unitCode = "0104901",
            bank = "D3206820103",
            src = "D3206820103",
            oriTraNoBus = "T0002",
            oriCfmDate = "20260112",
            amount = "80.00",
            reason = "重复缴款技术性退付",
        });

    public static BusinessFact RefundFinished(string kind, string payCode, string refundNo, DateTimeOffset at, string result) =>
        Fact($"{kind}:{refundNo}", kind, payCode, at, new
        {
            refundNo,
            payCode,
            bank = "D3206820103",
            amount = "80.00",
            result,
            refundDate = "20260113",
            refundTraNo = "R0001",
            information = (string?)null,
        });

    public static BusinessFact UnitEvent(string kind, string unitCode, int blockCount, DateTimeOffset at) =>
        Fact($"{kind}:{unitCode}:{blockCount}", kind, unitCode, at, kind == "unit.blocked"
            ? new { unitCode, reason = "notice 1 unpaid for 40 days", date = "20260112", @operator = "monitoring" }
            : new { unitCode, reason = "cleared by staff", previousReason = (string?)"notice 1 unpaid for 40 days", date = "20260113", @operator = "staff" });

    public static BusinessFact BaseDataChanged(string key, int version, DateTimeOffset at) =>
        Fact($"basedata.changed:region:{key}:{version}", "basedata.changed", key, at, new
        {
            entity = "region",
            key,
            version,
            @operator = "seed",
            before = version == 1 ? null : """{"name":"old"}""",
            after = """{"name":"如皋市"}""",
        });

    /// <summary>The bank link serializes with default options and names its fields itself.</summary>
    public static BusinessFact Outbound(string kind, string peer, string instructionId, int attempts, DateTimeOffset at, object detail) =>
        new($"{kind}:{peer}:{instructionId}:{attempts}:{at.Ticks}", kind, peer, at, JsonSerializer.Serialize(new
        {
            peer,
            instructionId,
            msgNo = "5617",
            msgId = "2026011200000000001",
            businessNo = instructionId,
            detail,
        }));

    /// <summary>The same fact with one field of its payload (or of its first line) removed.</summary>
    public static BusinessFact Without(BusinessFact fact, string field)
    {
        var payload = JsonNode.Parse(fact.PayloadJson)!.AsObject();
        if (field.StartsWith("lines[0].", StringComparison.Ordinal))
        {
            payload["lines"]![0]!.AsObject().Remove(field["lines[0].".Length..]);
        }
        else
        {
            Assert.True(payload.Remove(field), $"sample has no field {field}");
        }

        return fact with { PayloadJson = payload.ToJsonString() };
    }
}
