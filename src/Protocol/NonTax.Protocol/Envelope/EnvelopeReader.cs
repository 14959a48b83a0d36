using System.Buffers.Text;
using NonTax.Protocol.Fields;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Xml;

namespace NonTax.Protocol.Envelope;

/// <summary>
/// Parses a frame body (<c>CFX</c> document, GBK) into a <see cref="CfxEnvelope"/>, decoding every
/// base64 voucher under the same safety rules. Never throws on any input.
/// </summary>
public static class EnvelopeReader
{
    /// <summary>Parses <paramref name="body"/>; when <paramref name="frameMsgNo"/> is given, HEAD/MsgNo must equal it.</summary>
    public static DecodeResult Parse(ReadOnlySpan<byte> body, string? frameMsgNo = null)
    {
        var document = SafeXml.Parse(body, requireDeclaration: true);
        if (!document.IsSuccess)
        {
            return DecodeResult.Failure(document.Error);
        }

        var cfx = document.Value;
        if (cfx.Name != "CFX")
        {
            return DecodeResult.Failure(ProtocolError.Document($"root element is {cfx.Name}, not CFX"));
        }

        var headNode = cfx.Child("HEAD");
        var src = Usable(headNode, "SRC");
        var msgId = Usable(headNode, "MsgID");
        var head = ReadHead(headNode, frameMsgNo);
        if (!head.IsSuccess)
        {
            return DecodeResult.Failure(head.Error, src, msgId);
        }

        var vouchers = ReadVouchers(cfx.Child("MSG")?.Child("MOF"));
        return vouchers.IsSuccess
            ? DecodeResult.Success(new CfxEnvelope(head.Value, vouchers.Value))
            : DecodeResult.Failure(vouchers.Error, src, msgId);
    }

    private static ProtocolResult<Head> ReadHead(XmlNodeData? head, string? frameMsgNo)
    {
        if (head is null)
        {
            return ProtocolError.InvalidField("HEAD", "missing");
        }

        foreach (var spec in Head.Fields)
        {
            var problem = FieldValidator.Check(spec, head.Child(spec.Name)?.Text);
            if (problem is not null)
            {
                return ProtocolError.InvalidField($"HEAD/{spec.Name}", problem);
            }
        }

        string Text(string name) => head.Child(name)?.Text ?? "";

        if (Text("APP") != FrameLayout.App)
        {
            return ProtocolError.InvalidField("HEAD/APP", $"not {FrameLayout.App}");
        }

        if (Text("VER") != FrameLayout.Version)
        {
            return ProtocolError.InvalidField("HEAD/VER", $"not {FrameLayout.Version}");
        }

        if (frameMsgNo is not null && Text("MsgNo") != frameMsgNo)
        {
            return ProtocolError.InvalidField("HEAD/MsgNo", $"differs from the frame's MsgNo {frameMsgNo}");
        }

        WireTime.TryParseDate(Text("WorkDate"), out var workDate);
        return new Head(Text("SRC"), Text("DES"), Text("MsgNo"), Text("MsgID"), Text("MsgRef"), workDate, Text("Reserve"));
    }

    private static ProtocolResult<IReadOnlyList<VoucherBody>> ReadVouchers(XmlNodeData? mof)
    {
        if (mof is null)
        {
            return ProtocolError.InvalidField("MSG/MOF", "missing");
        }

        var countText = mof.Child("VoucherCount")?.Text;
        var problem = FieldValidator.Check(FieldSpec.M("VoucherCount", FieldType.Integer), countText);
        if (problem is not null)
        {
            return ProtocolError.InvalidField("MOF/VoucherCount", problem);
        }

        var bodies = mof.Children.Where(c => c.Name == "VoucherBody").ToArray();
        var count = int.Parse(countText!, System.Globalization.CultureInfo.InvariantCulture);
        if (count < 1)
        {
            return ProtocolError.InvalidField("MOF/VoucherCount", "must be at least 1");
        }

        if (count != bodies.Length)
        {
            return ProtocolError.InvalidField("MOF/VoucherCount", $"says {count} but {bodies.Length} VoucherBody elements follow");
        }

        var result = new List<VoucherBody>(bodies.Length);
        for (var i = 0; i < bodies.Length; i++)
        {
            var body = ReadVoucherBody(bodies[i], $"VoucherBody[{i + 1}]");
            if (!body.IsSuccess)
            {
                return body.Error;
            }

            result.Add(body.Value);
        }

        return result;
    }

    private static ProtocolResult<VoucherBody> ReadVoucherBody(XmlNodeData node, string path)
    {
        var base64 = node.Child("Voucher")?.Text;
        if (string.IsNullOrEmpty(base64))
        {
            return ProtocolError.InvalidField($"{path}/Voucher", "missing");
        }

        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return ProtocolError.InvalidField($"{path}/Voucher", "not base64");
        }

        var voucher = VoucherXml.Parse(bytes.AsSpan(0, written));
        if (!voucher.IsSuccess)
        {
            return ProtocolError.InvalidField($"{path}/Voucher", voucher.Error.Reason);
        }

        string Attribute(string name) => node.Attributes.TryGetValue(name, out var value) ? value : "";

        return new VoucherBody(Attribute("AdmDivCode"), Attribute("StYear"), Attribute("VtCode"), Attribute("VoucherNo"), voucher.Value);
    }

    // SRC and MsgID are reported with an error only when valid themselves, so a reply can be built from them.
    private static string? Usable(XmlNodeData? head, string name)
    {
        var text = head?.Child(name)?.Text;
        return text is { Length: > 0 } && FieldValidator.Check(Head.Fields.First(f => f.Name == name), text) is null ? text : null;
    }
}
