using System.Text;
using System.Xml;
using System.Xml.Linq;
using NonTax.EBills.Document;
using NonTax.Protocol.Fields;

namespace NonTax.EBills.Signing;

/// <summary>
/// The e-bill file: <c>&lt;EInvoice&gt;</c> Header, EInvoiceData, then EInvoiceSignature with the
/// unit's and the finance signature. The signatures cover bytes, not a re-serialised tree: the
/// unit's covers <see cref="SignedContent"/> exactly as the file holds it, the finance signature
/// covers SM3 of those bytes followed by the unit's Signature element's bytes
/// (<see cref="FinanceSignedData"/>). So the file is written compactly and parsed by cutting
/// those byte ranges out of it, never by writing the parsed XML again.
/// </summary>
public sealed class SignedEInvoice
{
    private static readonly byte[] Declaration = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    private static readonly byte[] Open = Encoding.UTF8.GetBytes("<EInvoice>");
    private static readonly byte[] ContentEnd = Encoding.UTF8.GetBytes("</EInvoiceData>");
    private static readonly byte[] SignaturesOpen = Encoding.UTF8.GetBytes("<EInvoiceSignature>");
    private static readonly byte[] SignatureEnd = Encoding.UTF8.GetBytes("</Signature>");
    private static readonly byte[] Close = Encoding.UTF8.GetBytes("</EInvoiceSignature></EInvoice>");

    public SignedEInvoice(byte[] signedContent, byte[] unitSignatureXml, SignatureBlock unitSignature, SignatureBlock financeSignature)
    {
        SignedContent = signedContent;
        UnitSignatureXml = unitSignatureXml;
        UnitSignature = unitSignature;
        FinanceSignature = financeSignature;
    }

    /// <summary>Header + EInvoiceData, the bytes the unit signed.</summary>
    public byte[] SignedContent { get; }

    /// <summary>The unit's Signature element as the file holds it.</summary>
    public byte[] UnitSignatureXml { get; }

    public SignatureBlock UnitSignature { get; }

    public SignatureBlock FinanceSignature { get; }

    /// <summary>What the finance supervision signs: SM3(signed content) ‖ the unit's Signature element.</summary>
    public static byte[] FinanceSignedData(ReadOnlySpan<byte> signedContent, ReadOnlySpan<byte> unitSignatureXml) =>
        [.. Sm2.Digest(signedContent), .. unitSignatureXml];

    /// <summary>The whole file, UTF-8.</summary>
    public byte[] ToDocument() =>
        [.. Declaration, .. Open, .. SignedContent, .. SignaturesOpen, .. UnitSignatureXml, .. FinanceSignature.ToXml(), .. Close];

    /// <summary>Reads a file written by <see cref="ToDocument"/>; throws <see cref="EBillFormatException"/> otherwise.</summary>
    public static SignedEInvoice Parse(byte[] document)
    {
        ArgumentNullException.ThrowIfNull(document);
        XElement root;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(document), settings);
            root = XElement.Load(reader);
        }
        catch (XmlException e)
        {
            throw new EBillFormatException("the e-bill file is not well-formed XML: " + e.Message, e);
        }

        var children = root.Elements().Select(e => e.Name.LocalName).ToArray();
        if (root.Name != "EInvoice" || !children.SequenceEqual(["Header", "EInvoiceData", "EInvoiceSignature"]))
        {
            throw new EBillFormatException("the e-bill file must be EInvoice { Header, EInvoiceData, EInvoiceSignature }");
        }

        var signatures = root.Element("EInvoiceSignature")!.Elements().ToArray();
        if (signatures.Length != 2 || signatures.Any(s => s.Name != "Signature"))
        {
            throw new EBillFormatException("EInvoiceSignature must hold two Signature elements (unit, finance)");
        }

        var span = document.AsSpan();
        var start = span.StartsWith(Declaration) ? Declaration.Length : 0;
        if (!span[start..].StartsWith(Open))
        {
            throw new EBillFormatException("the e-bill file must begin <EInvoice><Header>");
        }

        var contentStart = start + Open.Length;
        var contentEnd = span.IndexOf(ContentEnd) + ContentEnd.Length;
        if (contentEnd < ContentEnd.Length || !span[contentEnd..].StartsWith(SignaturesOpen))
        {
            throw new EBillFormatException("EInvoiceSignature must follow EInvoiceData directly");
        }

        var unitStart = contentEnd + SignaturesOpen.Length;
        var unitLength = span[unitStart..].IndexOf(SignatureEnd);
        if (unitLength < 0)
        {
            throw new EBillFormatException("EInvoiceSignature: the unit's Signature is not closed");
        }

        var unitEnd = unitStart + unitLength + SignatureEnd.Length;
        return new SignedEInvoice(
            span[contentStart..contentEnd].ToArray(),
            span[unitStart..unitEnd].ToArray(),
            ReadBlock(signatures[0]),
            ReadBlock(signatures[1]));
    }

    private static SignatureBlock ReadBlock(XElement signature)
    {
        var info = signature.Element("SignedInfo") ?? throw new EBillFormatException("Signature/SignedInfo: missing");
        var key = signature.Element("KeyInfo") ?? throw new EBillFormatException("Signature/KeyInfo: missing");
        var timeText = (string?)info.Element("SignatureTime");
        if (!WireTime.TryParseUtcDateTime(timeText, out var time))
        {
            throw new EBillFormatException("SignatureTime: not a date-time yyyyMMddHHmmss±hhmm");
        }

        return new SignatureBlock(
            (string?)info.Element("Reference") ?? "",
            (string?)info.Element("SignatureAlgorithm") ?? "",
            (string?)info.Element("SignatureFormat") ?? "",
            time.Value,
            (string?)info.Element("SignatureValue") ?? "",
            (string?)key.Element("SerialNumber") ?? "",
            (string?)key.Element("X509IssuerName") ?? "");
    }
}
