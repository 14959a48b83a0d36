namespace NonTax.EBills.Document;

/// <summary>
/// What an e-bill says (票面): the Header and EInvoiceData of docs/architecture.md "E-bills",
/// which the issuing unit signs. Amounts are yuan; a red-letter bill has negative amounts and
/// names the blue bill it reverses in <see cref="Related"/>.
/// </summary>
public sealed record EInvoiceContent
{
    /// <summary>Version of the e-bill specification this document follows (Header/Version).</summary>
    public const string SpecificationVersion = "1.0";

    /// <summary>EInvoiceName, e.g. 江苏省非税收入通用票据.</summary>
    public required string Name { get; init; }

    /// <summary>Bill code (票据代码), 8 digits.</summary>
    public required string BillCode { get; init; }

    /// <summary>Bill number (票据号码), 10 digits.</summary>
    public required string BillNumber { get; init; }

    /// <summary>RandomNumber: the 6-character check code (校验码).</summary>
    public required string CheckCode { get; init; }

    /// <summary>EInvoiceSpecimenCode: the template (票样) code.</summary>
    public required string SpecimenCode { get; init; }

    /// <summary>SupervisorAreaCode: the supervising finance region, 6 digits.</summary>
    public required string SupervisorAreaCode { get; init; }

    public required decimal TotalAmount { get; init; }

    /// <summary>When the bill was issued, China Standard Time.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    public required InvoicingParty InvoicingParty { get; init; }

    public required PayerParty PayerParty { get; init; }

    /// <summary>HandlingPerson (开票人).</summary>
    public required string HandlingPerson { get; init; }

    /// <summary>Checker (复核人).</summary>
    public required string Checker { get; init; }

    public string? Remark { get; init; }

    /// <summary>MainExt/PayCode: the payment notice the bill was exchanged for.</summary>
    public string? PayCode { get; init; }

    /// <summary>MainExt/RelatedInvoiceCode and Number: set on a red-letter bill only.</summary>
    public RelatedBill? Related { get; init; }

    public required IReadOnlyList<EInvoiceItem> Items { get; init; }

    /// <summary>True for a red-letter bill (冲红).</summary>
    public bool IsRedLetter => Related is not null;

    /// <summary>EInvoiceTag: "CZ-EI-" and the two-digit supervising region of the bill code.</summary>
    public string Tag => EInvoiceIds.Tag(BillCode);

    /// <summary>EInvoiceID: "code-number" reversed.</summary>
    public string Id => EInvoiceIds.Id(BillCode, BillNumber);
}
