using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using NonTax.Protocol.Fields;
using NonTax.Protocol.Time;

namespace NonTax.EBills.Document;

/// <summary>
/// Header + EInvoiceData as UTF-8 XML, the bytes the issuing unit signs. Written without an XML
/// declaration, indentation or attributes, so the bytes are the same wherever they are written;
/// a verifier never rewrites them: it checks the signature over the bytes exactly as the file
/// holds them (<see cref="Signing.SignedEInvoice"/>).
/// </summary>
public static class EInvoiceXml
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        Indent = false,
    };

    /// <summary>The signed content: <c>&lt;Header&gt;…&lt;/Header&gt;&lt;EInvoiceData&gt;…&lt;/EInvoiceData&gt;</c>.</summary>
    public static byte[] Write(EInvoiceContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = EInvoiceContentRules.Check(content);
        if (errors.Count > 0)
        {
            throw new EBillFormatException("e-bill content: " + string.Join("; ", errors));
        }

        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, WriterSettings))
        {
            w.WriteStartElement("Header");
            w.WriteElementString("EInvoiceTag", content.Tag);
            w.WriteElementString("EInvoiceID", content.Id);
            w.WriteElementString("Version", EInvoiceContent.SpecificationVersion);
            w.WriteEndElement();

            w.WriteStartElement("EInvoiceData");
            w.WriteStartElement("Main");
            w.WriteElementString("EInvoiceName", content.Name);
            w.WriteElementString("EInvoiceCode", content.BillCode);
            w.WriteElementString("EInvoiceNumber", content.BillNumber);
            w.WriteElementString("RandomNumber", content.CheckCode);
            w.WriteElementString("EInvoiceSpecimenCode", content.SpecimenCode);
            w.WriteElementString("SupervisorAreaCode", content.SupervisorAreaCode);
            w.WriteElementString("TotalAmount", Amount(content.TotalAmount));
            var issued = content.IssuedAt.ToOffset(ChinaTime.Offset);
            w.WriteElementString("IssueDate", WireTime.FormatDate(DateOnly.FromDateTime(issued.DateTime)));
            w.WriteElementString("IssueTime", WireTime.FormatTime(TimeOnly.FromDateTime(issued.DateTime)));

            w.WriteStartElement("InvoicingParty");
            w.WriteElementString("InvoicingPartyCode", content.InvoicingParty.Code);
            w.WriteElementString("InvoicingPartyName", content.InvoicingParty.Name);
            Optional(w, "RecName", content.InvoicingParty.RecName);
            Optional(w, "RecAcct", content.InvoicingParty.RecAcct);
            Optional(w, "RecOpBk", content.InvoicingParty.RecOpBk);
            w.WriteEndElement();

            w.WriteStartElement("PayerParty");
            w.WriteElementString("PayerPartyType", ((int)content.PayerParty.Type).ToString(CultureInfo.InvariantCulture));
            Optional(w, "PayerPartyCode", content.PayerParty.Code);
            w.WriteElementString("PayerPartyName", content.PayerParty.Name);
            Optional(w, "PayerAcct", content.PayerParty.Acct);
            Optional(w, "PayerOpBk", content.PayerParty.OpBk);
            w.WriteEndElement();

            Optional(w, "Remark", content.Remark);
            w.WriteElementString("HandlingPerson", content.HandlingPerson);
            w.WriteElementString("Checker", content.Checker);
            if (content.Related is not null || content.PayCode is not null)
            {
                w.WriteStartElement("MainExt");
                Optional(w, "RelatedInvoiceCode", content.Related?.Code);
                Optional(w, "RelatedInvoiceNumber", content.Related?.Number);
                Optional(w, "PayCode", content.PayCode);
                w.WriteEndElement();
            }

            w.WriteEndElement();

            w.WriteStartElement("Details");
            foreach (var item in content.Items)
            {
                w.WriteStartElement("Item");
                w.WriteElementString("ItemCode", item.Code);
                w.WriteElementString("ItemName", item.Name);
                w.WriteElementString("ItemAmount", Amount(item.Amount));
                Optional(w, "ItemUnit", item.Unit);
                Optional(w, "ItemQuantity", item.Quantity?.ToString(CultureInfo.InvariantCulture));
                Optional(w, "ItemStd", item.Standard);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        return stream.ToArray();
    }

    /// <summary>Reads signed content back; throws <see cref="EBillFormatException"/> on anything else.</summary>
    public static EInvoiceContent Read(ReadOnlySpan<byte> signedContent)
    {
        XElement header;
        XElement data;
        try
        {
            var parts = Elements(signedContent);
            if (parts.Count != 2 || parts[0].Name != "Header" || parts[1].Name != "EInvoiceData")
            {
                throw new EBillFormatException("e-bill content must be a Header followed by EInvoiceData");
            }

            (header, data) = (parts[0], parts[1]);
        }
        catch (XmlException e)
        {
            throw new EBillFormatException("e-bill content is not well-formed XML: " + e.Message, e);
        }

        var main = Child(data, "Main");
        var issueDate = WireTime.TryParseDate(Text(main, "IssueDate"), out var date) ? date
            : throw new EBillFormatException("IssueDate: not a date yyyyMMdd");
        var issueTime = WireTime.TryParseTime(Text(main, "IssueTime"), out var time) ? time
            : throw new EBillFormatException("IssueTime: not a time HHmmss");
        var invoicing = Child(main, "InvoicingParty");
        var payer = Child(main, "PayerParty");
        var ext = main.Element("MainExt");
        var relatedCode = ext is null ? null : OptionalText(ext, "RelatedInvoiceCode");
        var relatedNumber = ext is null ? null : OptionalText(ext, "RelatedInvoiceNumber");
        if ((relatedCode is null) != (relatedNumber is null))
        {
            throw new EBillFormatException("MainExt: RelatedInvoiceCode and RelatedInvoiceNumber go together");
        }

        var payerType = Text(payer, "PayerPartyType") switch
        {
            "1" => PayerPartyType.Person,
            "2" => PayerPartyType.Organisation,
            _ => throw new EBillFormatException("PayerPartyType: 1 or 2"),
        };
        var content = new EInvoiceContent
        {
            Name = Text(main, "EInvoiceName"),
            BillCode = Text(main, "EInvoiceCode"),
            BillNumber = Text(main, "EInvoiceNumber"),
            CheckCode = Text(main, "RandomNumber"),
            SpecimenCode = Text(main, "EInvoiceSpecimenCode"),
            SupervisorAreaCode = Text(main, "SupervisorAreaCode"),
            TotalAmount = ParseAmount(Text(main, "TotalAmount"), "TotalAmount"),
            IssuedAt = new DateTimeOffset(issueDate.ToDateTime(issueTime), ChinaTime.Offset),
            InvoicingParty = new InvoicingParty(
                Text(invoicing, "InvoicingPartyCode"), Text(invoicing, "InvoicingPartyName"),
                OptionalText(invoicing, "RecName"), OptionalText(invoicing, "RecAcct"), OptionalText(invoicing, "RecOpBk")),
            PayerParty = new PayerParty(
                payerType, Text(payer, "PayerPartyName"), OptionalText(payer, "PayerPartyCode"),
                OptionalText(payer, "PayerAcct"), OptionalText(payer, "PayerOpBk")),
            Remark = OptionalText(main, "Remark"),
            HandlingPerson = Text(main, "HandlingPerson"),
            Checker = Text(main, "Checker"),
            PayCode = ext is null ? null : OptionalText(ext, "PayCode"),
            Related = relatedCode is null ? null : new RelatedBill(relatedCode, relatedNumber!),
            Items = [.. Child(data, "Details").Elements("Item").Select(i => new EInvoiceItem(
                Text(i, "ItemCode"), Text(i, "ItemName"), ParseAmount(Text(i, "ItemAmount"), "ItemAmount"),
                OptionalText(i, "ItemUnit"),
                OptionalText(i, "ItemQuantity") is { } q ? ParseAmount(q, "ItemQuantity") : null,
                OptionalText(i, "ItemStd")))],
        };

        var errors = EInvoiceContentRules.Check(content);
        if (errors.Count > 0)
        {
            throw new EBillFormatException("e-bill content: " + string.Join("; ", errors));
        }

        if (Text(header, "EInvoiceTag") != content.Tag || Text(header, "EInvoiceID") != content.Id)
        {
            throw new EBillFormatException("Header: EInvoiceTag and EInvoiceID must derive from the bill code and number");
        }

        return content;
    }

    /// <summary>Money on the bill: yuan with two decimals, invariant culture.</summary>
    public static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static List<XElement> Elements(ReadOnlySpan<byte> bytes)
    {
        var settings = new XmlReaderSettings
        {
            ConformanceLevel = ConformanceLevel.Fragment,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
        };
        using var reader = XmlReader.Create(new MemoryStream(bytes.ToArray()), settings);
        var elements = new List<XElement>();
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                elements.Add((XElement)XNode.ReadFrom(reader));
            }
            else
            {
                reader.Read();
            }
        }

        return elements;
    }

    private static XElement Child(XElement parent, string name) =>
        parent.Element(name) ?? throw new EBillFormatException($"{parent.Name}/{name}: missing");

    private static string Text(XElement parent, string name) => Child(parent, name).Value;

    private static string? OptionalText(XElement parent, string name) =>
        parent.Element(name) is { } e && e.Value.Length > 0 ? e.Value : null;

    private static void Optional(XmlWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.WriteElementString(name, value);
        }
    }

    private static decimal ParseAmount(string text, string field) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new EBillFormatException($"{field}: not an amount");
}
