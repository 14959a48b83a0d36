using Org.BouncyCastle.X509;

namespace NonTax.EBills.Signing;

/// <summary>How a signature's KeyInfo names a certificate: serial (hex) and issuer name.</summary>
public static class CertificateNames
{
    public static string Serial(X509Certificate certificate) => certificate.SerialNumber.ToString(16).ToUpperInvariant();

    public static string Issuer(X509Certificate certificate) => certificate.IssuerDN.ToString();
}
