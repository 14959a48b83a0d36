using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace NonTax.EBills.Signing;

/// <summary>An SM2 private key with the certificate that names it (KeyInfo of a signature).</summary>
public sealed record SigningKey(ECPrivateKeyParameters PrivateKey, X509Certificate Certificate)
{
    /// <summary>KeyInfo/SerialNumber: the certificate's serial, upper-case hexadecimal.</summary>
    public string SerialNumber => CertificateNames.Serial(Certificate);

    /// <summary>KeyInfo/X509IssuerName.</summary>
    public string IssuerName => CertificateNames.Issuer(Certificate);
}
