using NonTax.EBills.Document;
using Org.BouncyCastle.Crypto.Parameters;

namespace NonTax.EBills.Signing;

/// <summary>
/// Checks an e-bill file offline: the format, the unit's signature over the content and the
/// finance signature over the unit's, each against a certificate from <see cref="ICertificateSource"/>
/// (the trusted certificates: a verifier believes no certificate a file could bring along).
/// Bad input is a verdict, never an exception.
/// </summary>
public static class EInvoiceVerifier
{
    public static EBillVerification Verify(byte[] document, ICertificateSource certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        SignedEInvoice bill;
        try
        {
            bill = SignedEInvoice.Parse(document);
        }
        catch (EBillFormatException e)
        {
            return new EBillVerification(null, false, false, [e.Message]);
        }

        var problems = new List<string>();
        EInvoiceContent? content = null;
        try
        {
            content = EInvoiceXml.Read(bill.SignedContent);
        }
        catch (EBillFormatException e)
        {
            problems.Add(e.Message);
        }

        var unitValid = VerifyUnit(bill.SignedContent, bill.UnitSignature, certificates, content?.InvoicingParty.Code, problems);
        var financeValid = Check(
            "finance signature", SignatureBlock.FinanceReference,
            SignedEInvoice.FinanceSignedData(bill.SignedContent, bill.UnitSignatureXml), bill.FinanceSignature, certificates, null, problems);
        return new EBillVerification(content, unitValid, financeValid, problems);
    }

    /// <summary>
    /// The unit's signature over signed content (what 8981 brings); <paramref name="unitCode"/>, when
    /// given, must be named in the certificate's subject, so one unit cannot sign for another.
    /// </summary>
    public static bool VerifyUnit(ReadOnlySpan<byte> signedContent, SignatureBlock signature, ICertificateSource certificates, string? unitCode, List<string> problems) =>
        Check("unit signature", SignatureBlock.UnitReference, signedContent, signature, certificates, unitCode, problems);

    private static bool Check(
        string what, string reference, ReadOnlySpan<byte> data, SignatureBlock signature, ICertificateSource certificates, string? subjectMustName, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Algorithm != Sm2.AlgorithmName || signature.Format != SignatureBlock.DetachedFormat)
        {
            problems.Add($"{what}: algorithm {signature.Algorithm} / format {signature.Format}, expected {Sm2.AlgorithmName} / {SignatureBlock.DetachedFormat}");
            return false;
        }

        if (signature.Reference != reference)
        {
            problems.Add($"{what}: Reference {signature.Reference}, expected {reference}");
            return false;
        }

        var certificate = certificates.Find(signature.SerialNumber, signature.IssuerName);
        if (certificate is null)
        {
            problems.Add($"{what}: no trusted certificate with serial {signature.SerialNumber} from {signature.IssuerName}");
            return false;
        }

        if (!certificate.IsValid(signature.Time.UtcDateTime))
        {
            problems.Add($"{what}: the certificate was not valid at the signature time {signature.Time:O}");
            return false;
        }

        if (subjectMustName is not null && !certificate.SubjectDN.ToString().Contains(subjectMustName, StringComparison.Ordinal))
        {
            problems.Add($"{what}: the certificate ({certificate.SubjectDN}) does not name the issuing unit {subjectMustName}");
            return false;
        }

        byte[] value;
        try
        {
            value = Convert.FromBase64String(signature.Value);
        }
        catch (FormatException)
        {
            problems.Add($"{what}: SignatureValue is not base64");
            return false;
        }

        if (certificate.GetPublicKey() is not ECPublicKeyParameters key || !Sm2.Verify(key, data, value))
        {
            problems.Add($"{what}: does not verify");
            return false;
        }

        return true;
    }
}
