using System.Text;
using System.Xml;
using NonTax.Protocol.Results;
using NonTax.Protocol.Text;

namespace NonTax.Protocol.Xml;

/// <summary>
/// Parses a GBK XML document into <see cref="XmlNodeData"/> under the protocol's safety rules:
/// strict GBK decoding, no DTD, no external resolution, a declared encoding of GBK (or its subset
/// GB2312) when a declaration is present, and nothing but whitespace after the root element —
/// not even a comment, because the MAC is not an HMAC and appended bytes must never be accepted.
/// </summary>
internal static class SafeXml
{
    private const int MaxDepth = 32;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        ConformanceLevel = ConformanceLevel.Document,
        CheckCharacters = true,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    /// <summary>Encodings we accept in a declaration: GBK, and GB2312 which GBK extends (decoded as GBK).</summary>
    public static bool IsAcceptedEncodingName(string name) =>
        name.Equals("GBK", StringComparison.OrdinalIgnoreCase) || name.Equals("GB2312", StringComparison.OrdinalIgnoreCase);

    public static ProtocolResult<XmlNodeData> Parse(ReadOnlySpan<byte> gbkBytes, bool requireDeclaration)
    {
        if (!Gbk.TryGetString(gbkBytes, out var text))
        {
            return ProtocolError.Document("body is not valid GBK");
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            return ReadDocument(reader, requireDeclaration);
        }
        catch (XmlException ex)
        {
            return ProtocolError.Document($"not well-formed XML: {ex.Message}");
        }
    }

    private static ProtocolResult<XmlNodeData> ReadDocument(XmlReader reader, bool requireDeclaration)
    {
        var sawDeclaration = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    sawDeclaration = true;
                    var encoding = reader.GetAttribute("encoding");
                    if (encoding is null || !IsAcceptedEncodingName(encoding))
                    {
                        return ProtocolError.Document($"declared encoding '{encoding}' is not GBK");
                    }

                    break;
                case XmlNodeType.Element:
                    if (requireDeclaration && !sawDeclaration)
                    {
                        return ProtocolError.Document("XML declaration with encoding=\"GBK\" missing");
                    }

                    var root = ReadElement(reader, 0);
                    if (!root.IsSuccess)
                    {
                        return root;
                    }

                    while (reader.Read())
                    {
                        if (reader.NodeType is not (XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
                        {
                            return ProtocolError.Document($"data after the root element ({reader.NodeType})");
                        }
                    }

                    return root;
                case XmlNodeType.DocumentType:
                    return ProtocolError.Document("DTD prohibited");
                default:
                    break;
            }
        }

        return ProtocolError.Document("no root element");
    }

    // Positioned on a start tag; returns positioned on its end (or the empty element itself).
    private static ProtocolResult<XmlNodeData> ReadElement(XmlReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            return ProtocolError.Document("elements nested too deeply");
        }

        var name = reader.Name;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                attributes[reader.Name] = reader.Value;
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        var children = new List<XmlNodeData>();
        if (reader.IsEmptyElement)
        {
            return new XmlNodeData(name, attributes, "", children);
        }

        var text = new StringBuilder();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var child = ReadElement(reader, depth + 1);
                    if (!child.IsSuccess)
                    {
                        return child;
                    }

                    children.Add(child.Value);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    var value = text.ToString().Trim();
                    if (children.Count > 0 && value.Length > 0)
                    {
                        return ProtocolError.InvalidField(name, "text mixed with child elements");
                    }

                    return new XmlNodeData(name, attributes, value, children);
                default:
                    break; // comments and processing instructions inside the document carry nothing
            }
        }

        return ProtocolError.Document($"element {name} not closed");
    }
}
