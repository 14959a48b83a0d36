using NonTax.Grains.Abstractions.Reconciliation;

namespace NonTax.Frontend.Reconciliation;

/// <summary>Chinese page text (looked up in the resources for English) of reconciliation statuses, difference kinds and resolutions.</summary>
public static class ReconciliationText
{
    public static string OfStatus(string status) => status switch
    {
        ReconciliationStatus.Open => "未对账",
        ReconciliationStatus.Matched => "对账相符",
        ReconciliationStatus.Differences => "有差异",
        ReconciliationStatus.Resolved => "差异已处理",
        _ => status,
    };

    public static string OfDifferenceStatus(string status) => status switch
    {
        "open" => "未处理",
        "resolved" => "已处理",
        "cleared" => "已由更正文件消除",
        _ => status,
    };

    public static string OfType(int diffType) => diffType switch
    {
        DifferenceType.BankOnly => "银行有、财政无",
        DifferenceType.FinanceOnly => "财政有、银行无",
        DifferenceType.AmountDiffers => "金额不符",
        DifferenceType.OtherFieldDiffers => "其他字段不符",
        _ => diffType.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string OfResolution(string resolution) => resolution switch
    {
        DifferenceResolution.BankError => "银行差错",
        DifferenceResolution.FinanceError => "财政差错（已更正）",
        DifferenceResolution.Explained => "双方无误（已说明）",
        DifferenceResolution.Accepted => "认可现状",
        _ => resolution,
    };

    public static string OfOutcome(ResolveOutcome? outcome) => outcome switch
    {
        ResolveOutcome.Resolved => "差异已处理",
        ResolveOutcome.AlreadyResolved => "该差异已处理过，未作改动",
        ResolveOutcome.Cleared => "该差异已由更正文件消除",
        ResolveOutcome.Unknown => "没有这条差异",
        _ => "须选择处理方式并填写说明（500字以内）",
    };
}
