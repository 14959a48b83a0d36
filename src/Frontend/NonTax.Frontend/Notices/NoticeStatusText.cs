namespace NonTax.Frontend.Notices;

/// <summary>The Chinese word for a projected notice status (also the key of its English text).</summary>
public static class NoticeStatusText
{
    public static string Of(string status) => status switch
    {
        "paid" => "已缴款",
        "void" => "已作废",
        _ => "待缴款",
    };
}
