using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Frontend.Refunds;

/// <summary>Chinese page text (looked up in the resources for English) of refund statuses and outcomes.</summary>
public static class RefundText
{
    public static string OfStatus(string status) => status switch
    {
        "applied" => "待审批",
        "approved" => "已批准，待银行退付",
        "rejected" => "已驳回",
        "pending" => "待银行退付",
        "completed" => "已退付",
        "failed" => "退付失败",
        _ => status,
    };

    public static string OfKind(string kind) => kind == "business" ? "业务性退付" : "技术性退付";

    public static string OfOutcome(RefundDecisionOutcome outcome) => outcome switch
    {
        RefundDecisionOutcome.Accepted => "已办理",
        RefundDecisionOutcome.UnknownNotice => "没有这个缴款识别码",
        RefundDecisionOutcome.NotPaid => "通知书未缴款，不能退付",
        RefundDecisionOutcome.WrongUnit => "不是本单位的通知书",
        RefundDecisionOutcome.Invalid => "填写有误",
        RefundDecisionOutcome.ExceedsRefundable => "退付金额超过可退金额",
        RefundDecisionOutcome.TooManyRefunds => "该通知书退付次数已达上限",
        RefundDecisionOutcome.ApplicationNoReused => "申请编号已用于其他金额或原因",
        RefundDecisionOutcome.UnknownRefund => "没有这笔退付",
        RefundDecisionOutcome.AlreadyDecided => "该退付已处理",
        RefundDecisionOutcome.NoReserveBank => "未配置退付备用金银行，暂不能审批",
        _ => outcome.ToString(),
    };
}
