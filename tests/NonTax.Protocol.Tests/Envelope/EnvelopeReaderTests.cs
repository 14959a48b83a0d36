using NonTax.Protocol.Envelope;
using NonTax.Protocol.Results;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Text;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.Common;

namespace NonTax.Protocol.Tests.Envelope;

public class EnvelopeReaderTests
{
    private static readonly Voucher Reply = new GenericReply("2612", "00000", "收到").ToVoucher();

    private static string ValidBody() => EnvelopeWriter.WriteString(Samples.Head("5001"), [new VoucherBody("320682", "2025", "5001", "1", Reply)]);

    private static DecodeResult Parse(string body, string? msgNo = "5001") => EnvelopeReader.Parse(Gbk.GetBytes(body), msgNo);

    private static string Base64Voucher(string xml) => Convert.ToBase64String(Gbk.GetBytes(xml));

    private static string Envelope(string voucherBodies, string count = "1", string declaration = "<?xml version=\"1.0\" encoding=\"GBK\"?>") =>
        declaration + "<CFX><HEAD><APP>CNNONTAX</APP><VER>1.0</VER><SRC>D3206820105</SRC><DES>F320682</DES><MsgNo>5001</MsgNo>"
        + "<MsgID>1</MsgID><MsgRef>1</MsgRef><WorkDate>20251101</WorkDate><Reserve/></HEAD><MSG><MOF>"
        + $"<VoucherCount>{count}</VoucherCount>{voucherBodies}</MOF></MSG></CFX>";

    [Fact]
    public void Writes_the_declaration_and_all_four_attributes()
    {
        var body = ValidBody();

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"GBK\"?><CFX><HEAD><APP>CNNONTAX</APP><VER>1.0</VER>", body);
        Assert.Contains("<VoucherBody AdmDivCode=\"320682\" StYear=\"2025\" VtCode=\"5001\" VoucherNo=\"1\">", body);
        Assert.EndsWith("</MOF></MSG></CFX>", body);
    }

    [Fact]
    public void Reads_back_what_it_writes()
    {
        var result = Parse(ValidBody());

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(Samples.Head("5001"), result.Envelope.Head);
        Assert.Equal(Reply, result.Envelope.First.Voucher);
        Assert.Equal("320682", result.Envelope.First.AdmDivCode);
    }

    [Fact]
    public void Accepts_voucher_bodies_without_attributes_and_indented_documents()
    {
        var body = Envelope($"\n  <VoucherBody>\n    <Voucher>{Base64Voucher("<?xml version=\"1.0\" encoding=\"gbk\"?>\n<Voucher>\n  <OriMsgNo>2612</OriMsgNo>\n  <Result>00000</Result>\n  <Information>收到</Information>\n</Voucher>")}</Voucher>\n  </VoucherBody>\n");

        var result = Parse(body);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.False(result.Envelope.First.HasAttributes);
        Assert.Equal(Reply, result.Envelope.First.Voucher);
    }

    [Fact]
    public void Accepts_a_gb2312_declaration_case_insensitively()
    {
        var body = ValidBody().Replace("encoding=\"GBK\"", "encoding=\"gb2312\"", StringComparison.Ordinal);

        Assert.True(Parse(body).IsSuccess);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("")]
    public void Refuses_a_body_not_declared_gbk(string declaration)
    {
        var result = Parse(ValidBody().Replace("<?xml version=\"1.0\" encoding=\"GBK\"?>", declaration, StringComparison.Ordinal));

        Assert.False(result.IsSuccess);
        Assert.Equal(ProtocolErrorKind.MalformedDocument, result.Error.Kind);
    }

    [Theory]
    [InlineData("<CFX/>")]
    [InlineData("x")]
    [InlineData("<!-- appended -->")]
    [InlineData("<?pi appended?>")]
    [InlineData("\n<X/>")]
    public void Refuses_any_data_after_the_closing_cfx(string trailing)
    {
        var result = Parse(ValidBody() + trailing);

        Assert.False(result.IsSuccess);
        Assert.Equal(ProtocolErrorKind.MalformedDocument, result.Error.Kind);
        Assert.False(result.SrcKnown); // no reply: the document itself is not acceptable
    }

    [Fact]
    public void Accepts_trailing_whitespace()
    {
        Assert.True(Parse(ValidBody() + "\r\n  \t").IsSuccess);
    }

    [Fact]
    public void Refuses_a_dtd_and_entities()
    {
        var body = ValidBody().Replace("<CFX>", "<!DOCTYPE CFX [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CFX>", StringComparison.Ordinal)
            .Replace("<Reserve/>", "<Reserve>&e;</Reserve>", StringComparison.Ordinal);

        var result = Parse(body);

        Assert.False(result.IsSuccess);
        Assert.Equal(ProtocolErrorKind.MalformedDocument, result.Error.Kind);
    }

    [Fact]
    public void Refuses_a_dtd_inside_a_voucher()
    {
        var voucher = Base64Voucher("<!DOCTYPE Voucher [<!ENTITY a \"aaaa\">]><Voucher><Info>&a;</Info></Voucher>");

        var result = Parse(Envelope($"<VoucherBody><Voucher>{voucher}</Voucher></VoucherBody>"));

        Assert.False(result.IsSuccess);
        Assert.Equal("VoucherBody[1]/Voucher", result.Error.Field);
    }

    [Fact]
    public void Refuses_bytes_that_are_not_gbk()
    {
        var bytes = Gbk.GetBytes(ValidBody());
        var broken = bytes.Take(60).Concat(new byte[] { 0x81, 0x20 }).Concat(bytes.Skip(60)).ToArray();

        var result = EnvelopeReader.Parse(broken, "5001");

        Assert.Equal(ProtocolErrorKind.MalformedDocument, result.Error!.Kind);
    }

    [Fact]
    public void Names_a_msgno_that_differs_from_the_frame_and_keeps_src_for_the_reply()
    {
        var result = Parse(ValidBody(), "2612");

        Assert.Equal("HEAD/MsgNo", result.Error!.Field);
        Assert.Equal(ResultCodes.MalformedField, result.Error.ResultCode);
        Assert.Equal("D3206820105", result.Src);
        Assert.Equal("25110100000000000001", result.MsgId);
    }

    [Theory]
    [InlineData("<VoucherCount>1</VoucherCount>", "<VoucherCount>2</VoucherCount>", "MOF/VoucherCount")]
    [InlineData("<VoucherCount>1</VoucherCount>", "<VoucherCount>0</VoucherCount>", "MOF/VoucherCount")]
    [InlineData("<VoucherCount>1</VoucherCount>", "<VoucherCount>one</VoucherCount>", "MOF/VoucherCount")]
    [InlineData("<WorkDate>20251101</WorkDate>", "<WorkDate>20250231</WorkDate>", "HEAD/WorkDate")]
    [InlineData("<APP>CNNONTAX</APP>", "<APP>CNNONTAX2</APP>", "HEAD/APP")]
    [InlineData("<MsgID>25110100000000000001</MsgID>", "<MsgID>251101000000000000012</MsgID>", "HEAD/MsgID")]
    [InlineData("<MsgRef>25110100000000000001</MsgRef>", "", "HEAD/MsgRef")]
    public void Names_the_malformed_field(string original, string replacement, string field)
    {
        var result = Parse(ValidBody().Replace(original, replacement, StringComparison.Ordinal));

        Assert.False(result.IsSuccess);
        Assert.Equal(ProtocolErrorKind.InvalidField, result.Error.Kind);
        Assert.Equal(field, result.Error.Field);
        Assert.True(result.SrcKnown);
    }

    [Fact]
    public void Does_not_offer_an_invalid_msgid_for_the_reply()
    {
        var result = Parse(ValidBody().Replace("<MsgID>25110100000000000001</MsgID>", "<MsgID>251101000000000000012</MsgID>", StringComparison.Ordinal));

        Assert.True(result.SrcKnown);
        Assert.Null(result.MsgId);
    }

    [Fact]
    public void Refuses_a_voucher_that_is_not_base64_or_not_a_voucher()
    {
        Assert.Equal("VoucherBody[1]/Voucher", Parse(Envelope("<VoucherBody><Voucher>!!!</Voucher></VoucherBody>")).Error!.Field);
        Assert.Equal("VoucherBody[1]/Voucher", Parse(Envelope($"<VoucherBody><Voucher>{Base64Voucher("<Other/>")}</Voucher></VoucherBody>")).Error!.Field);
        Assert.Equal("VoucherBody[1]/Voucher", Parse(Envelope($"<VoucherBody><Voucher>{Base64Voucher("<Voucher/><x/>")}</Voucher></VoucherBody>")).Error!.Field);
    }

    [Fact]
    public void Reads_several_vouchers_in_order()
    {
        var one = $"<VoucherBody><Voucher>{Base64Voucher("<Voucher><Info>1</Info></Voucher>")}</Voucher></VoucherBody>";
        var two = $"<VoucherBody><Voucher>{Base64Voucher("<Voucher><Info>2</Info></Voucher>")}</Voucher></VoucherBody>";

        var result = Parse(Envelope(one + two, "2"));

        Assert.Equal(["1", "2"], result.Envelope!.Vouchers.Select(v => v.Voucher["Info"]));
    }

    [Fact]
    public void Writer_refuses_text_gbk_cannot_encode_instead_of_sending_a_question_mark()
    {
        var voucher = new GenericReply("2612", "00000", "𠀀").ToVoucher();

        Assert.Throws<ArgumentException>(() => EnvelopeWriter.Write(Samples.Head("5001"), [new VoucherBody("", "", "", "", voucher)]));
    }

    [Fact]
    public void Writer_escapes_xml_special_characters()
    {
        var voucher = new GenericReply("2612", "00000", "a<b>&\"c'\r\n").ToVoucher();
        var body = EnvelopeWriter.Write(Samples.Head("5001"), [new VoucherBody("3&2", "", "", "", voucher)]);

        var result = EnvelopeReader.Parse(body, "5001");

        Assert.Equal("a<b>&\"c'", result.Envelope!.First.Voucher["Information"]);
        Assert.Equal("3&2", result.Envelope.First.AdmDivCode);
    }
}
