using NonTax.Frontend.Payment;
using NonTax.Grains.Abstractions.EBills;

namespace NonTax.Frontend.Api;

/// <summary>One of a notice's e-bills as the API lists it, with where staff and the payer download it.</summary>
public sealed record EBillListing(string Bill, bool RedLetter, string? Related, decimal TotalAmount, DateTimeOffset IssuedAt, string Xml, string Pdf, string PayerLink)
{
    public static EBillListing Of(StoredEBill bill)
    {
        ArgumentNullException.ThrowIfNull(bill);
        return new EBillListing(bill.Key, bill.RedLetter, bill.RelatedCode is { } code ? $"{code}-{bill.RelatedNumber:D10}" : null, bill.TotalAmount, bill.IssuedAt,
            $"/api/ebills/{bill.Key}/file", $"/api/ebills/{bill.Key}/pdf", PayerEBills.LinkOf(bill));
    }
}
