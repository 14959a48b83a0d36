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
}
