using NonTax.EBills.Document;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.EBills;

/// <summary>The bill face (票面) of a paid notice: its unit, payer and item lines, and the late fee when one was paid.</summary>
public static class EBillFace
{
    /// <summary>Item code of the late-fee line (滞纳金), which no item of the notice carries.</summary>
    public const string LateFeeItemCode = "ZNJ";

    public static EInvoiceContent For(
        NoticeContent notice, decimal paidAmount, string billCode, long billNumber, string checkCode, DateTimeOffset issuedAt, EBillOptions options)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(options);
        var items = notice.Lines
            .Select(l => new EInvoiceItem(l.ItemCode, l.ItemName, l.Amount, NullIfEmpty(l.UnitOfMeasure), l.Quantity, NullIfEmpty(l.Standard)))
            .ToList();
        var lateFee = paidAmount - items.Sum(i => i.Amount);
        if (lateFee > 0)
        {
            items.Add(new EInvoiceItem(LateFeeItemCode, "滞纳金", lateFee));
        }

        return new EInvoiceContent
        {
            Name = options.BillName,
            BillCode = billCode,
            BillNumber = billNumber.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
            CheckCode = checkCode,
            SpecimenCode = options.SpecimenCode.Length > 0 ? options.SpecimenCode : billCode + "01",
            SupervisorAreaCode = notice.RegionCode,
            TotalAmount = paidAmount,
            IssuedAt = issuedAt,
            InvoicingParty = new InvoicingParty(notice.UnitCode, notice.UnitName, NullIfEmpty(notice.Payee.Name), NullIfEmpty(notice.Payee.AccountNo),
                NullIfEmpty(notice.Payee.BankName)),
            PayerParty = new PayerParty(notice.Payer.Type == 2 ? PayerPartyType.Organisation : PayerPartyType.Person, notice.Payer.Name,
                NullIfEmpty(notice.Payer.CreditCode), NullIfEmpty(notice.Payer.Account), NullIfEmpty(notice.Payer.Bank)),
            Remark = NullIfEmpty(notice.Memo),
            HandlingPerson = options.HandlingPerson,
            Checker = options.Checker,
            PayCode = notice.PayCode,
            Items = items,
        };
    }

    /// <summary>The red-letter bill reversing <paramref name="blue"/>: the same face with every amount negated, naming the blue bill.</summary>
    public static EInvoiceContent RedLetter(EInvoiceContent blue, long billNumber, string checkCode, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(blue);
        return blue with
        {
            BillNumber = billNumber.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
            CheckCode = checkCode,
            IssuedAt = issuedAt,
            TotalAmount = -blue.TotalAmount,
            Related = new RelatedBill(blue.BillCode, blue.BillNumber),
            Remark = $"冲红 {blue.BillCode}-{blue.BillNumber}",
            Items = [.. blue.Items.Select(i => i with { Amount = -i.Amount })],
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
