using System.Text;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;

namespace NonTax.EBills.Tests;

public sealed class SignatureTests
{
    [Fact]
    public void Both_signatures_of_an_issued_bill_verify()
    {
        var document = SampleBills.Signed().ToDocument();

        var result = EInvoiceVerifier.Verify(document, SampleBills.Trusted);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal("0000000123", result.Content!.BillNumber);
        Assert.Equal("张三", result.Content.PayerParty.Name);
    }

    [Fact]
    public void The_file_names_each_signer_and_the_finance_signature_follows_the_units()
    {
        var bill = SampleBills.Signed();
        var xml = Encoding.UTF8.GetString(bill.ToDocument());

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><EInvoice><Header>", xml, StringComparison.Ordinal);
        Assert.Equal(SampleBills.UnitKey.SerialNumber, bill.UnitSignature.SerialNumber);
        Assert.Equal(SampleBills.FinanceKey.SerialNumber, bill.FinanceSignature.SerialNumber);
        Assert.Equal("SM2", bill.FinanceSignature.Algorithm);
        Assert.Equal("DETACH", bill.FinanceSignature.Format);
        Assert.True(xml.IndexOf("<Reference>Header+EInvoiceData</Reference>", StringComparison.Ordinal)
            < xml.IndexOf("<Reference>SM3(Header+EInvoiceData)+Signature[1]</Reference>", StringComparison.Ordinal));
        Assert.Equal(bill.ToDocument(), SignedEInvoice.Parse(bill.ToDocument()).ToDocument());
    }

    [Fact]
    public void An_unknown_certificate_fails_and_says_which_signature()
    {
        var other = SandboxKeys.Generate("C=CN,O=test,CN=someone else", SampleBills.IssuedAt.AddDays(-1), TimeSpan.FromDays(30));
        var bill = EInvoiceSigner.Issue(SampleBills.Content(), SampleBills.UnitKey, other, SampleBills.IssuedAt);

        var result = EInvoiceVerifier.Verify(bill.ToDocument(), SampleBills.Trusted);

        Assert.False(result.IsValid);
        Assert.True(result.UnitSignatureValid);
        Assert.False(result.FinanceSignatureValid);
        Assert.Contains(result.Problems, p => p.StartsWith("finance signature: no trusted certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void A_unit_cannot_sign_for_another_unit()
    {
        var content = SampleBills.Content() with
        {
            InvoicingParty = new Document.InvoicingParty("0201001", "如皋市教育局"),
        };

        var result = EInvoiceVerifier.Verify(SampleBills.Signed(content).ToDocument(), SampleBills.Trusted);

        Assert.False(result.UnitSignatureValid);
        Assert.Contains(result.Problems, p => p.Contains("does not name the issuing unit 0201001", StringComparison.Ordinal));
    }

    [Fact]
    public void A_signature_outside_the_certificates_validity_fails()
    {
        var late = SampleBills.IssuedAt.AddDays(60);
        var bill = EInvoiceSigner.Issue(SampleBills.Content(), SampleBills.UnitKey, SampleBills.FinanceKey, late);

        var result = EInvoiceVerifier.Verify(bill.ToDocument(), SampleBills.Trusted);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("was not valid at the signature time", StringComparison.Ordinal));
    }

    [Fact]
    public void The_finance_signature_covers_the_units_signature()
    {
        var bill = SampleBills.Signed();
        var swapped = EInvoiceSigner.SignAsUnit(bill.SignedContent, SampleBills.UnitKey, SampleBills.IssuedAt.AddSeconds(1));
        // A fresh, valid unit signature over the same content, under the old finance signature.
        var forged = new SignedEInvoice(bill.SignedContent, swapped.ToXml(), swapped, bill.FinanceSignature);

        var result = EInvoiceVerifier.Verify(forged.ToDocument(), SampleBills.Trusted);

        Assert.True(result.UnitSignatureValid);
        Assert.False(result.FinanceSignatureValid);
    }

    [Fact]
    public void Garbage_is_a_verdict_not_an_exception()
    {
        foreach (var bytes in new[] { ""u8.ToArray(), "<EInvoice/>"u8.ToArray(), "not xml"u8.ToArray(), "<!DOCTYPE x [<!ENTITY a 'b'>]><EInvoice/>"u8.ToArray() })
        {
            var result = EInvoiceVerifier.Verify(bytes, SampleBills.Trusted);

            Assert.False(result.IsValid);
            Assert.NotEmpty(result.Problems);
        }
    }
}
