using NonTax.EBills.Document;

namespace NonTax.EBills.Signing;

/// <summary>The two signatures of an e-bill: the issuing unit's, then the finance supervision's over it.</summary>
public static class EInvoiceSigner
{
    /// <summary>The unit's signature (first) over Header + EInvoiceData.</summary>
    public static SignatureBlock SignAsUnit(ReadOnlySpan<byte> signedContent, SigningKey unitKey, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(unitKey);
        return Block(SignatureBlock.UnitReference, Sm2.Sign(unitKey.PrivateKey, signedContent), unitKey, time);
    }

    /// <summary>
    /// Adds the finance supervision signature (second) to content the unit signed. The caller has
    /// checked the unit's signature first (<see cref="EInvoiceVerifier.VerifyUnit"/>): finance
    /// must never countersign what the unit did not sign.
    /// </summary>
    public static SignedEInvoice Countersign(byte[] signedContent, SignatureBlock unitSignature, SigningKey financeKey, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(unitSignature);
        ArgumentNullException.ThrowIfNull(financeKey);
        var unitXml = unitSignature.ToXml();
        var data = SignedEInvoice.FinanceSignedData(signedContent, unitXml);
        var finance = Block(SignatureBlock.FinanceReference, Sm2.Sign(financeKey.PrivateKey, data), financeKey, time);
        return new SignedEInvoice(signedContent, unitXml, unitSignature, finance);
    }

    /// <summary>Builds, signs as the unit and countersigns as finance in one step (exchange on the unit's behalf).</summary>
    public static SignedEInvoice Issue(EInvoiceContent content, SigningKey unitKey, SigningKey financeKey, DateTimeOffset time)
    {
        var signedContent = EInvoiceXml.Write(content);
        var unit = SignAsUnit(signedContent, unitKey, time);
        return Countersign(signedContent, unit, financeKey, time);
    }

    private static SignatureBlock Block(string reference, byte[] value, SigningKey key, DateTimeOffset time) =>
        new(reference, Sm2.AlgorithmName, SignatureBlock.DetachedFormat, TruncateToSeconds(time), Convert.ToBase64String(value),
            key.SerialNumber, key.IssuerName);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
