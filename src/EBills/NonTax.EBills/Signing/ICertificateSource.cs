using Org.BouncyCastle.X509;

namespace NonTax.EBills.Signing;

/// <summary>Where a verifier finds the certificate a signature's KeyInfo names.</summary>
public interface ICertificateSource
{
    /// <summary>The certificate with that serial (hex) and issuer name, or null.</summary>
    X509Certificate? Find(string serialNumber, string issuerName);
}
