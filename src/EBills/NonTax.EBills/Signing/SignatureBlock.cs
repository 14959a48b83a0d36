using System.Text;
using System.Xml;
using NonTax.Protocol.Fields;

namespace NonTax.EBills.Signing;

/// <summary>
/// One EInvoiceSignature/Signature element: SignedInfo { Reference, SignatureAlgorithm,
/// SignatureFormat, SignatureTime, SignatureValue } and KeyInfo { SerialNumber, X509IssuerName }.
/// </summary>
public sealed record SignatureBlock(
    string Reference,
    string Algorithm,
    string Format,
    DateTimeOffset Time,
    string Value,
    string SerialNumber,
    string IssuerName)
{
    /// <summary>The only format the e-bill specification has: the signature is detached from what it signs.</summary>
    public const string DetachedFormat = "DETACH";

    /// <summary>Reference of the unit's signature.</summary>
    public const string UnitReference = "Header+EInvoiceData";

    /// <summary>Reference of the finance signature.</summary>
    public const string FinanceReference = "SM3(Header+EInvoiceData)+Signature[1]";

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        Indent = false,
    };

    /// <summary>The element's bytes as the document holds them (the finance signature covers the unit's).</summary>
    public byte[] ToXml()
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, WriterSettings))
        {
            w.WriteStartElement("Signature");
            w.WriteStartElement("SignedInfo");
            w.WriteElementString("Reference", Reference);
            w.WriteElementString("SignatureAlgorithm", Algorithm);
            w.WriteElementString("SignatureFormat", Format);
            w.WriteElementString("SignatureTime", WireTime.FormatUtcDateTime(Time));
            w.WriteElementString("SignatureValue", Value);
            w.WriteEndElement();
            w.WriteStartElement("KeyInfo");
            w.WriteElementString("SerialNumber", SerialNumber);
            w.WriteElementString("X509IssuerName", IssuerName);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return stream.ToArray();
    }
}
