using System.Diagnostics;
using NonTax.EBills.Keys;

namespace NonTax.EBills.Tests;

/// <summary>The command-line verifier as an operator runs it: a process, files, an exit code.</summary>
public sealed class VerifierCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ebill-verifier-").FullName;

    [Fact]
    public void A_good_bill_is_valid_and_a_changed_one_is_not()
    {
        var certs = Directory.CreateDirectory(Path.Combine(_directory, "certs")).FullName;
        File.WriteAllText(Path.Combine(certs, "unit-0104901.cert.pem"), KeyFiles.CertificatePem(SampleBills.UnitKey.Certificate));
        File.WriteAllText(Path.Combine(certs, "finance.cert.pem"), KeyFiles.CertificatePem(SampleBills.FinanceKey.Certificate));
        var good = Path.Combine(_directory, "good.xml");
        var bad = Path.Combine(_directory, "bad.xml");
        var document = SampleBills.Signed().ToDocument();
        File.WriteAllBytes(good, document);
        var changed = System.Text.Encoding.UTF8.GetString(document).Replace("<PayerPartyName>张三<", "<PayerPartyName>李四<", StringComparison.Ordinal);
        File.WriteAllText(bad, changed);

        var (goodExit, goodOut) = Verify("--certs", certs, good);
        var (badExit, badOut) = Verify("--certs", certs, bad);
        var (usageExit, _) = Verify(good);

        Assert.Equal(0, goodExit);
        Assert.Contains("VALID bill 32010126-0000000123 80.00 payer 张三", goodOut, StringComparison.Ordinal);
        Assert.Equal(1, badExit);
        Assert.Contains("unit signature FAILED, finance signature FAILED", badOut, StringComparison.Ordinal);
        Assert.Equal(2, usageExit);
    }

    [Fact]
    public void With_pdf_the_verifier_renders_the_face_of_a_valid_bill_and_of_no_invalid_one()
    {
        var certs = Directory.CreateDirectory(Path.Combine(_directory, "certs")).FullName;
        File.WriteAllText(Path.Combine(certs, "unit-0104901.cert.pem"), KeyFiles.CertificatePem(SampleBills.UnitKey.Certificate));
        File.WriteAllText(Path.Combine(certs, "finance.cert.pem"), KeyFiles.CertificatePem(SampleBills.FinanceKey.Certificate));
        var good = Path.Combine(_directory, "good.xml");
        var bad = Path.Combine(_directory, "bad.xml");
        var goodPdf = Path.Combine(_directory, "good.pdf");
        var badPdf = Path.Combine(_directory, "bad.pdf");
        var document = SampleBills.Signed().ToDocument();
        File.WriteAllBytes(good, document);
        File.WriteAllText(bad, System.Text.Encoding.UTF8.GetString(document).Replace("<PayerPartyName>张三<", "<PayerPartyName>李四<", StringComparison.Ordinal));

        var (goodExit, goodOut) = Verify("--certs", certs, "--pdf", goodPdf, "--link-base", "https://pay.example/ebills", "--font", BillFaceFonts.Path, good);
        var (badExit, _) = Verify("--certs", certs, "--pdf", badPdf, "--font", BillFaceFonts.Path, bad);
        var (noFontExit, _) = Verify("--certs", certs, "--pdf", goodPdf, "--font", Path.Combine(_directory, "missing.ttc"), good);

        Assert.Equal(0, goodExit);
        Assert.Contains("face written to", goodOut, StringComparison.Ordinal);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(goodPdf))
        {
            var text = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));
            Assert.Contains("0000000123", text, StringComparison.Ordinal);
            Assert.Contains("张三", text, StringComparison.Ordinal);
            Assert.Contains("https://pay.example/ebills/32010126-0000000123?check=a1b2c3", text, StringComparison.Ordinal);
        }

        Assert.Equal(1, badExit);
        Assert.False(File.Exists(badPdf));
        Assert.Equal(2, noFontExit);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Output) Verify(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NonTax.EBillVerifier.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the verifier did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
