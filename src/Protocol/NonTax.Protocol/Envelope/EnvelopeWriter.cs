using System.Globalization;
using System.Text;
using NonTax.Protocol.Fields;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Text;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Xml;

namespace NonTax.Protocol.Envelope;

/// <summary>
/// Writes the CFX body exactly in the specification's shape, declared <c>encoding="GBK"</c>,
/// with all four VoucherBody attributes. Strict: a head field that would be refused on input is
/// refused here too.
/// </summary>
public static class EnvelopeWriter
{
    /// <summary>The body as GBK bytes.</summary>
    /// <exception cref="ArgumentException">A head field is invalid, there is no voucher, or text cannot be encoded in GBK.</exception>
    public static byte[] Write(Head head, IReadOnlyList<VoucherBody> vouchers) => Gbk.GetBytes(WriteString(head, vouchers));

    /// <summary>The body as text (for logs and tests).</summary>
    /// <exception cref="ArgumentException">A head field is invalid or there is no voucher.</exception>
    public static string WriteString(Head head, IReadOnlyList<VoucherBody> vouchers)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(vouchers);
        if (vouchers.Count == 0)
        {
            throw new ArgumentException("A message carries at least one voucher.", nameof(vouchers));
        }

        var headValues = new (string Name, string Value)[]
        {
            ("APP", FrameLayout.App),
            ("VER", FrameLayout.Version),
            ("SRC", head.Src),
            ("DES", head.Des),
            ("MsgNo", head.MsgNo),
            ("MsgID", head.MsgId),
            ("MsgRef", head.MsgRef),
            ("WorkDate", WireTime.FormatDate(head.WorkDate)),
            ("Reserve", head.Reserve ?? ""),
        };

        var builder = new StringBuilder(XmlText.Declaration).Append("<CFX><HEAD>");
        foreach (var (name, value) in headValues)
        {
            var problem = FieldValidator.Check(Head.Fields.First(f => f.Name == name), value);
            if (problem is not null)
            {
                throw new ArgumentException($"HEAD/{name}: {problem}", nameof(head));
            }

            builder.AppendElement(name, value);
        }

        builder.Append("</HEAD><MSG><MOF>")
            .AppendElement("VoucherCount", vouchers.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var body in vouchers)
        {
            builder.Append("<VoucherBody AdmDivCode=\"").AppendEscaped(body.AdmDivCode)
                .Append("\" StYear=\"").AppendEscaped(body.StYear)
                .Append("\" VtCode=\"").AppendEscaped(body.VtCode)
                .Append("\" VoucherNo=\"").AppendEscaped(body.VoucherNo)
                .Append("\"><Voucher>")
                .Append(Convert.ToBase64String(VoucherXml.ToGbkBytes(body.Voucher)))
                .Append("</Voucher></VoucherBody>");
        }

        return builder.Append("</MOF></MSG></CFX>").ToString();
    }
}
