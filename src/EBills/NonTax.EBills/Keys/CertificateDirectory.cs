using NonTax.EBills.Signing;
using Org.BouncyCastle.X509;

namespace NonTax.EBills.Keys;

/// <summary>Trusted certificates: every <c>*.cert.pem</c> file of a directory.</summary>
public sealed class CertificateDirectory(string directory) : ICertificateSource
{
    public IReadOnlyList<X509Certificate> All() =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.cert.pem").Order(StringComparer.Ordinal).Select(KeyFiles.ReadCertificate)]
            : [];

    /// <inheritdoc />
    public X509Certificate? Find(string serialNumber, string issuerName) =>
        All().FirstOrDefault(c =>
            string.Equals(CertificateNames.Serial(c), serialNumber, StringComparison.OrdinalIgnoreCase)
            && CertificateNames.Issuer(c) == issuerName);
}
