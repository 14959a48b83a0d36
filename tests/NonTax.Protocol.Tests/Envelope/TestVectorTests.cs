using System.Buffers;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Security;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Text;

namespace NonTax.Protocol.Tests.Envelope;

/// <summary>The specification's 2603 sample, built from its field values, decodes and re-encodes to the same values.</summary>
public class TestVectorTests
{
    private const string VoucherXml = """
        <Voucher>
          <Date>20141119</Date>
          <Acct>878921798278972</Acct>
          <ChgAgenAcct>878921798278972</ChgAgenAcct>
          <TraNo>traNo</TraNo>
          <Time>123456</Time>
          <PayerName>payerName</PayerName>
          <PayerAcct>123</PayerAcct>
          <PayerOpBk>payerOpBk</PayerOpBk>
          <TotalAmt>21</TotalAmt>
          <Source>11</Source>
          <DataType>201</DataType>
          <Memo>memo</Memo>
          <Hold1>hold1</Hold1>
          <Hold2>hold2</Hold2>
        </Voucher>
        """;

    private static readonly (string Name, string Value)[] ExpectedFields =
    [
        ("Date", "20141119"), ("Acct", "878921798278972"), ("ChgAgenAcct", "878921798278972"), ("TraNo", "traNo"),
        ("Time", "123456"), ("PayerName", "payerName"), ("PayerAcct", "123"), ("PayerOpBk", "payerOpBk"),
        ("TotalAmt", "21"), ("Source", "11"), ("DataType", "201"), ("Memo", "memo"), ("Hold1", "hold1"), ("Hold2", "hold2"),
    ];

    private static byte[] SampleFrame()
    {
        var body = Gbk.GetBytes($"""
            <?xml version="1.0" encoding="GBK"?>
            <CFX>
              <HEAD>
                <APP>CNNONTAX</APP><VER>1.0</VER>
                <SRC>ABC</SRC><DES>CZ000000</DES>
                <MsgNo>2603</MsgNo>
                <MsgID>20141101000000000001</MsgID><MsgRef>20141101000000000001</MsgRef>
                <WorkDate>20141101</WorkDate><Reserve/>
              </HEAD>
              <MSG><MOF>
                <VoucherCount>1</VoucherCount>
                <VoucherBody AdmDivCode="100000" StYear="2014" VtCode="1000" VoucherNo="10000">
                  <Voucher>{Convert.ToBase64String(Gbk.GetBytes(VoucherXml))}</Voucher>
                </VoucherBody>
              </MOF></MSG>
            </CFX>
            """);
        return FrameWriter.Write("2603", body, Mac.Compute(Samples.Token, body).ToLowerInvariant());
    }

    private static CfxEnvelope Decode(byte[] frame)
    {
        var codec = CnnontaxCodec.Default;
        var read = codec.TryReadFrame(new ReadOnlySequence<byte>(frame), out _);
        Assert.True(read.IsComplete, read.ToString());
        Assert.True(codec.VerifyMac(read.Frame, [Samples.OtherToken, Samples.Token]));
        var decoded = codec.Decode(read.Frame);
        Assert.True(decoded.IsSuccess, decoded.Error?.ToString());
        return decoded.Envelope;
    }

    [Fact]
    public void Sample_decodes_to_the_specified_values()
    {
        var envelope = Decode(SampleFrame());

        Assert.Equal(new Head("ABC", "CZ000000", "2603", "20141101000000000001", "20141101000000000001", new DateOnly(2014, 11, 1)), envelope.Head);
        var body = Assert.Single(envelope.Vouchers);
        Assert.Equal(("100000", "2014", "1000", "10000"), (body.AdmDivCode, body.StYear, body.VtCode, body.VoucherNo));
        Assert.Equal(ExpectedFields, body.Voucher.ToFields());
    }

    [Fact]
    public void Sample_re_encodes_to_the_same_envelope_and_voucher_values()
    {
        var original = Decode(SampleFrame());

        var again = Decode(CnnontaxCodec.Default.Encode(original.Head, original.Vouchers, Samples.Token));

        Assert.Equal(original.Head, again.Head);
        Assert.Equal(original.Vouchers, again.Vouchers);
    }
}
