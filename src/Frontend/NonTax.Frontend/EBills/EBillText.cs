namespace NonTax.Frontend.EBills;

/// <summary>The Chinese wording of an <see cref="EBillExchangeStatus"/> (the resource key of its translation).</summary>
public static class EBillText
{
    public static string Of(string status) => status switch
    {
        EBillExchangeStatus.Exchanged => "已换开电子票据",
        EBillExchangeStatus.AlreadyExchanged => "已换开过，未重复开具",
        EBillExchangeStatus.NotPaid => "未缴款，不能换开",
        EBillExchangeStatus.NoStock => "本单位该票据代码已无可用票号",
        EBillExchangeStatus.Unknown => "无此通知书",
        EBillExchangeStatus.Reversed => "已冲红",
        EBillExchangeStatus.AlreadyReversed => "已冲红过，未重复开具",
        _ => "未能办理",
    };
}
