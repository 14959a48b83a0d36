namespace NonTax.Grains.EBills;

/// <summary>What the bill face says beyond the notice (configuration section <c>EBills</c>).</summary>
public sealed class EBillOptions
{
    public const string Section = "EBills";

    /// <summary>EInvoiceName printed on the bill.</summary>
    public string BillName { get; set; } = "非税收入通用票据";

    /// <summary>
    /// EInvoiceSpecimenCode (票样代码, up to 10 characters); empty means the bill code followed by "01".
    /// </summary>
    public string SpecimenCode { get; set; } = "";

    /// <summary>HandlingPerson (开票人) of bills the system builds for a unit.</summary>
    public string HandlingPerson { get; set; } = "系统";

    /// <summary>Checker (复核人) of bills the system builds for a unit.</summary>
    public string Checker { get; set; } = "系统";

    /// <summary>The bill code used when an exchange does not name one (web and operator API).</summary>
    public string DefaultBillCode { get; set; } = "";

    /// <summary>
    /// Base of the payer's download link (the same key the socket edge reads for 5981's
    /// Invoice_Url): the frontend's <c>/ebills</c> as payers reach it.
    /// </summary>
    public string DownloadBaseUrl { get; set; } = "http://localhost:5000/ebills";

    /// <summary>The payer's SMS; placeholders {payer}, {payCode}, {bill}, {link}.</summary>
    public string SmsTemplate { get; set; } = "【非税收入】{payer}，您的缴款（{payCode}）已开具财政电子票据 {bill}，下载：{link}";

    /// <summary>How often the notifier sends what is due; SMS per round.</summary>
    public TimeSpan NotifyPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public int NotifyPageSize { get; set; } = 100;

    /// <summary>Attempts per SMS before it is given up; the wait after a failure doubles from <see cref="RetryAfter"/>, at most an hour.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);
}
