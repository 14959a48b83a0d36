using NonTax.EBills.Signing;

namespace NonTax.EBills.Rendering;

/// <summary>One signature as the face prints it: the certificate's serial and issuer, and when it signed.</summary>
public sealed record SignatureFace(string SerialNumber, string IssuerName, DateTimeOffset SignedAt)
{
    public static SignatureFace Of(SignatureBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return new SignatureFace(block.SerialNumber, block.IssuerName, block.Time);
    }
}
