using System.Text;
using NonTax.EBills.Signing;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.IO.Pem;
using Org.BouncyCastle.X509;

namespace NonTax.EBills.Keys;

/// <summary>
/// PEM files of a signing key: <c>{name}.key.pem</c> (PKCS#8 "PRIVATE KEY") and
/// <c>{name}.cert.pem</c> (X.509), the forms OpenSSL and CA tooling read and write.
/// </summary>
public static class KeyFiles
{
    public static string KeyPath(string directory, string name) => Path.Combine(directory, name + ".key.pem");

    public static string CertificatePath(string directory, string name) => Path.Combine(directory, name + ".cert.pem");

    public static SigningKey Read(string directory, string name)
    {
        var keyInfo = PrivateKeyFactory.CreateKey(ReadPem(KeyPath(directory, name), "PRIVATE KEY"));
        if (keyInfo is not ECPrivateKeyParameters key)
        {
            throw new InvalidDataException($"{KeyPath(directory, name)} is not an SM2 (EC) private key");
        }

        return new SigningKey(key, ReadCertificate(CertificatePath(directory, name)));
    }

    public static X509Certificate ReadCertificate(string path) =>
        new X509CertificateParser().ReadCertificate(ReadPem(path, "CERTIFICATE"));

    /// <summary>
    /// Writes both files; each appears whole or not at all (written aside, then moved), and a key
    /// file is readable by its owner only.
    /// </summary>
    public static void Write(string directory, string name, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Directory.CreateDirectory(directory);
        var keyDer = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key.PrivateKey).GetDerEncoded();
        // The certificate first: a key file present means both are there.
        WriteAtomically(CertificatePath(directory, name), Pem("CERTIFICATE", key.Certificate.GetEncoded()), privateFile: false);
        WriteAtomically(KeyPath(directory, name), Pem("PRIVATE KEY", keyDer), privateFile: true);
    }

    /// <summary>The certificate as PEM text (for the operator API and the verifier's trust list).</summary>
    public static string CertificatePem(X509Certificate certificate) => Pem("CERTIFICATE", certificate.GetEncoded());

    private static byte[] ReadPem(string path, string type)
    {
        using var reader = new StreamReader(path, Encoding.ASCII);
        var pem = new PemReader(reader).ReadPemObject()
            ?? throw new InvalidDataException($"{path}: no PEM block");
        return pem.Type == type ? pem.Content : throw new InvalidDataException($"{path}: PEM block {pem.Type}, expected {type}");
    }

    private static string Pem(string type, byte[] der)
    {
        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(new PemObject(type, der));
        writer.Writer.Flush();
        return text.ToString();
    }

    private static void WriteAtomically(string path, string text, bool privateFile)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, text, Encoding.ASCII);
        if (privateFile && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
