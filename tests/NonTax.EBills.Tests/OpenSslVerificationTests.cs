using System.Diagnostics;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;

namespace NonTax.EBills.Tests;

/// <summary>
/// The signatures checked by a second, independent SM2 implementation: the OpenSSL command line
/// (OpenSSL 3 verifies SM2 with SM3 and a distinguishing ID, <c>-sigopt distid:</c>). So the
/// format is what other SM2 verifiers expect (DER r,s; Z over the default ID 1234567812345678),
/// not only consistent with our own BouncyCastle code. The test machine's OpenSSL must support SM2
/// (Debian's does; <c>openssl list -signature-algorithms</c> lists it).
/// </summary>
public sealed class OpenSslVerificationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ebill-openssl-").FullName;

    [Fact]
    public void OpenSsl_verifies_the_units_signature_over_the_content()
    {
        var bill = SampleBills.Signed();

        Assert.Equal(0, OpenSslVerify(SampleBills.UnitKey, bill.SignedContent, bill.UnitSignature.Value));
    }

    [Fact]
    public void OpenSsl_verifies_the_finance_signature_over_the_digest_and_the_units_signature()
    {
        var bill = SampleBills.Signed();
        var data = SignedEInvoice.FinanceSignedData(bill.SignedContent, bill.UnitSignatureXml);

        Assert.Equal(0, OpenSslVerify(SampleBills.FinanceKey, data, bill.FinanceSignature.Value));
    }

    [Fact]
    public void OpenSsl_refuses_a_changed_content()
    {
        var bill = SampleBills.Signed();
        var changed = (byte[])bill.SignedContent.Clone();
        changed[^20] ^= 1;

        Assert.NotEqual(0, OpenSslVerify(SampleBills.UnitKey, changed, bill.UnitSignature.Value));
    }

    [Fact]
    public void BouncyCastle_verifies_a_signature_OpenSsl_made()
    {
        var keyPath = Path.Combine(_directory, "openssl.key.pem");
        var pubPath = Path.Combine(_directory, "openssl.pub.pem");
        var dataPath = Path.Combine(_directory, "data.bin");
        var sigPath = Path.Combine(_directory, "data.sig");
        File.WriteAllBytes(dataPath, SampleBills.Signed().SignedContent);
        Assert.Equal(0, Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", keyPath));
        Assert.Equal(0, Run("pkey", "-in", keyPath, "-pubout", "-out", pubPath));
        Assert.Equal(0, Run("dgst", "-sm3", "-sign", keyPath, "-sigopt", "distid:1234567812345678", "-out", sigPath, dataPath));

        using var reader = new StreamReader(pubPath);
        var publicKey = Org.BouncyCastle.Security.PublicKeyFactory.CreateKey(
            new Org.BouncyCastle.Utilities.IO.Pem.PemReader(reader).ReadPemObject().Content);

        Assert.True(Sm2.Verify((Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters)publicKey, File.ReadAllBytes(dataPath), File.ReadAllBytes(sigPath)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private int OpenSslVerify(SigningKey key, byte[] data, string signatureBase64)
    {
        var certPath = Path.Combine(_directory, "signer.cert.pem");
        var pubPath = Path.Combine(_directory, "signer.pub.pem");
        var dataPath = Path.Combine(_directory, "data.bin");
        var sigPath = Path.Combine(_directory, "data.sig");
        File.WriteAllText(certPath, KeyFiles.CertificatePem(key.Certificate));
        File.WriteAllBytes(dataPath, data);
        File.WriteAllBytes(sigPath, Convert.FromBase64String(signatureBase64));
        Assert.Equal(0, Run("x509", "-in", certPath, "-pubkey", "-noout", "-out", pubPath));
        return Run("dgst", "-sm3", "-verify", pubPath, "-sigopt", "distid:1234567812345678", "-signature", sigPath, dataPath);
    }

    private static int Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
