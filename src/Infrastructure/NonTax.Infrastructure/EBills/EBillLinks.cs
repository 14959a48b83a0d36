using NonTax.Grains.Abstractions.EBills;

namespace NonTax.Infrastructure.EBills;

/// <summary>
/// The payer's download link of a bill (5981 Invoice_Url, the payer page): the frontend's
/// <c>/ebills/{code}-{number}?check={checkCode}</c> under <c>EBills:DownloadBaseUrl</c>. The check
/// code is in the link because the frontend hands a bill only to whoever knows it.
/// </summary>
public sealed class EBillLinks(string baseUrl)
{
    public const string BaseUrlKey = "EBills:DownloadBaseUrl";

    public const string DefaultBaseUrl = "http://localhost:5000/ebills";

    public string For(IssuedEBill bill)
    {
        ArgumentNullException.ThrowIfNull(bill);
        return $"{baseUrl.TrimEnd('/')}/{bill.Key}?check={bill.CheckCode}";
    }
}
