using NonTax.EBills.Document;
using NonTax.EBills.Signing;

namespace NonTax.EBills.Rendering;

/// <summary>
/// What the printed bill face (票面) shows, read from a signed e-bill file: the face data, both
/// signatures' certificates and the verification link its QR code carries. The PDF is drawn from
/// this alone (<see cref="BillFaceRenderer"/>), so tests can assert the QR content here.
/// </summary>
public sealed record BillFace(
    EInvoiceContent Content,
    SignatureFace UnitSignature,
    SignatureFace FinanceSignature,
    string VerificationUrl)
{
    /// <summary>The total in Chinese capitals (金额大写).</summary>
    public string TotalInCapitals => ChineseAmount.Capitals(Content.TotalAmount);

    /// <summary>
    /// The face of a signed e-bill file. <paramref name="verificationUrl"/> is the link 5981's
    /// Invoice_Url gives (<see cref="VerificationUrlOf"/>). Throws <see cref="EBillFormatException"/>
    /// for a file that is not an e-bill; it does not verify signatures (the caller does).
    /// </summary>
    public static BillFace Of(byte[] signedFile, string verificationUrl)
    {
        var file = SignedEInvoice.Parse(signedFile);
        var content = EInvoiceXml.Read(file.SignedContent);
        return new BillFace(content, SignatureFace.Of(file.UnitSignature), SignatureFace.Of(file.FinanceSignature), verificationUrl);
    }

    /// <summary>
    /// The payer's download and verification link: <c>{baseUrl}/{code}-{number}?check={check code}</c>
    /// (the frontend's <c>/ebills</c>, configuration <c>EBills:DownloadBaseUrl</c>).
    /// </summary>
    public static string VerificationUrlOf(string baseUrl, string billCode, string billNumber, string checkCode)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"{baseUrl.TrimEnd('/')}/{billCode}-{billNumber}?check={Uri.EscapeDataString(checkCode)}";
    }
}
