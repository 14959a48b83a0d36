using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>Ready-made notice drafts and confirmations for the sandbox units.</summary>
public static class Drafts
{
    public static NoticeDraft LandRegistration(decimal amount = 80.00m, string itemCode = "103043211") =>
        new(new Payer("张三", MobilePhone: "13800000000"), amount, [new NoticeLineRequest(itemCode, amount)], "clerk");

    public static NoticeDraft Tuition(decimal amount) =>
        new(new Payer("李四"), amount, [new NoticeLineRequest("103050101", amount)], "clerk");

    public static NoticeDraft Fine(decimal amount) =>
        new(new Payer("王五"), amount, [new NoticeLineRequest(ClusterFixture.LateFeeItem, amount)], "clerk");

    public static ConfirmedPayment Payment(string payCode, string src, string traNoBus, decimal amount, TimeProvider clock, string payMode = "02") =>
        new(payCode, src, traNoBus, ChinaTime.Today(clock), "101500", amount, payMode, "张三", BankOutlet: "320682010501", Operator: "teller");
}
