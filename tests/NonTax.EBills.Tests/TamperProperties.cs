using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.EBills.Signing;

namespace NonTax.EBills.Tests;

/// <summary>One changed byte anywhere in what either signature covers makes the bill invalid.</summary>
public sealed class TamperProperties
{
    private static readonly SignedEInvoice Bill = SampleBills.Signed();
    private static readonly byte[] Document = Bill.ToDocument();

    // Where the signed content and the unit's Signature element sit in the file.
    private static readonly int ContentStart = Document.AsSpan().IndexOf(Bill.SignedContent);
    private static readonly int UnitSignatureStart = Document.AsSpan().IndexOf(Bill.UnitSignatureXml);

    private static Gen<(int Offset, byte Xor)> Changes(int start, int length) =>
        from offset in Gen.Choose(start, start + length - 1)
        from xor in Gen.Choose(1, 255)
        select (offset, (byte)xor);

    [Property(MaxTest = 300)]
    public Property A_changed_byte_in_the_signed_content_fails() =>
        Prop.ForAll(Changes(ContentStart, Bill.SignedContent.Length).ToArbitrary(), change => !Verifies(Tampered(change)));

    [Property(MaxTest = 200)]
    public Property A_changed_byte_in_the_units_signature_fails() =>
        Prop.ForAll(Changes(UnitSignatureStart, Bill.UnitSignatureXml.Length).ToArbitrary(), change => !Verifies(Tampered(change)));

    [Fact]
    public void The_untouched_file_verifies()
    {
        Assert.True(ContentStart > 0 && UnitSignatureStart > ContentStart);
        Assert.True(Verifies(Document));
    }

    private static byte[] Tampered((int Offset, byte Xor) change)
    {
        var copy = (byte[])Document.Clone();
        copy[change.Offset] ^= change.Xor;
        return copy;
    }

    private static bool Verifies(byte[] document) => EInvoiceVerifier.Verify(document, SampleBills.Trusted).IsValid;
}
