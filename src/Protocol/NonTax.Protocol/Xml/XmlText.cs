using System.Text;
using System.Xml;

namespace NonTax.Protocol.Xml;

/// <summary>Escaping for the hand-written XML we send (so the declaration says exactly <c>GBK</c>).</summary>
internal static class XmlText
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"GBK\"?>";

    /// <summary>Appends escaped text; carriage returns are escaped so they survive end-of-line normalisation.</summary>
    /// <exception cref="ArgumentException">The text holds a character XML cannot carry.</exception>
    public static StringBuilder AppendEscaped(this StringBuilder builder, string value)
    {
        try
        {
            XmlConvert.VerifyXmlChars(value);
        }
        catch (XmlException ex)
        {
            throw new ArgumentException($"Value holds a character XML cannot carry: {ex.Message}", nameof(value), ex);
        }

        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\r' => builder.Append("&#xD;"),
                _ => builder.Append(c),
            };
        }

        return builder;
    }

    public static StringBuilder AppendElement(this StringBuilder builder, string name, string value)
    {
        CheckName(name);
        return value.Length == 0
            ? builder.Append('<').Append(name).Append("/>")
            : builder.Append('<').Append(name).Append('>').AppendEscaped(value).Append("</").Append(name).Append('>');
    }

    public static void CheckName(string name)
    {
        try
        {
            XmlConvert.VerifyName(name);
        }
        catch (XmlException ex)
        {
            throw new ArgumentException($"'{name}' is not an XML element name.", nameof(name), ex);
        }
    }
}
