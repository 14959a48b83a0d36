using System.Text;
using NonTax.Protocol.Results;
using NonTax.Protocol.Text;
using NonTax.Protocol.Xml;

namespace NonTax.Protocol.Vouchers;

/// <summary>
/// The business XML inside each <c>VoucherBody/Voucher</c>: GBK bytes of <c>&lt;Voucher&gt;…&lt;/Voucher&gt;</c>.
/// We write it without an XML declaration, as the specification shows it; we accept one (declaring
/// GBK or GB2312) on input. Element attributes inside a voucher carry nothing and are ignored.
/// </summary>
public static class VoucherXml
{
    /// <summary>Parses GBK voucher bytes; errors are values naming the <c>Voucher</c> field.</summary>
    public static ProtocolResult<Voucher> Parse(ReadOnlySpan<byte> gbkBytes)
    {
        var parsed = SafeXml.Parse(gbkBytes, requireDeclaration: false);
        if (!parsed.IsSuccess)
        {
            return ProtocolError.InvalidField(Voucher.RootName, parsed.Error.Reason);
        }

        var root = parsed.Value;
        if (root.Name != Voucher.RootName)
        {
            return ProtocolError.InvalidField(Voucher.RootName, $"root element is {root.Name}, not Voucher");
        }

        return new Voucher(root.Children.Select(ToElement));
    }

    /// <summary>The voucher as XML text.</summary>
    /// <exception cref="ArgumentException">A name or value cannot be written as XML.</exception>
    public static string WriteString(Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        var builder = new StringBuilder("<Voucher>");
        foreach (var element in voucher.Elements)
        {
            Append(builder, element);
        }

        return builder.Append("</Voucher>").ToString();
    }

    /// <summary>The voucher as GBK bytes (what is base64-encoded into the envelope).</summary>
    /// <exception cref="ArgumentException">A value cannot be encoded in GBK or written as XML.</exception>
    public static byte[] ToGbkBytes(Voucher voucher) => Gbk.GetBytes(WriteString(voucher));

    private static void Append(StringBuilder builder, VoucherElement element)
    {
        if (!element.IsGroup)
        {
            builder.AppendElement(element.Name, element.Value);
            return;
        }

        XmlText.CheckName(element.Name);
        builder.Append('<').Append(element.Name).Append('>');
        foreach (var child in element.Children)
        {
            Append(builder, child);
        }

        builder.Append("</").Append(element.Name).Append('>');
    }

    private static VoucherElement ToElement(XmlNodeData node) =>
        node.Children.Count == 0
            ? new VoucherElement(node.Name, node.Text)
            : VoucherElement.Group(node.Name, node.Children.Select(ToElement));
}
