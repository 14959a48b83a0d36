using NonTax.Protocol.Results;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.Collection;

namespace NonTax.Protocol.Tests.Vouchers;

/// <summary>An outbound message that breaks its field rules is refused where it is built and where it is encoded.</summary>
public class OutboundVoucherTests
{
    private static readonly RefundInstruction ValidRefund = new(
        "R2025000001", RefundInstruction.Technical, "32068225000000000017", "TRA-1", new DateOnly(2025, 3, 1), 80m, "张三");

    [Fact]
    public void A_valid_refund_becomes_fields_in_table_order()
    {
        var fields = OutboundVoucher.ToFields(MsgNos.RefundInstruction, ValidRefund);

        Assert.Equal(
            ["RefundNo", "RefundType", "PayCode", "OriTraNoBus", "OriCfmDate", "Amt", "PayerName", "PayerAcct", "PayerOpBk", "Reason"],
            fields.Select(f => f.Name));
        Assert.Equal("80.00", fields.Single(f => f.Name == "Amt").Value);
    }

    [Fact]
    public void A_refund_without_payer_name_is_refused_naming_the_field()
    {
        var error = Assert.Throws<InvalidOutboundMessageException>(
            () => OutboundVoucher.ToFields(MsgNos.RefundInstruction, ValidRefund with { PayerName = "" }));

        Assert.Equal(MsgNos.RefundInstruction, error.MsgNo);
        Assert.Equal("PayerName", error.Error.Field);
    }

    [Fact]
    public void A_pay_code_longer_than_the_table_allows_is_refused()
    {
        var error = Assert.Throws<InvalidOutboundMessageException>(
            () => OutboundVoucher.ToFields(MsgNos.RefundInstruction, ValidRefund with { PayCode = "320682250000000000171" }));

        Assert.Equal("PayCode", error.Error.Field);
    }

    [Fact]
    public void A_voucher_of_another_message_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OutboundVoucher.ToFields(MsgNos.UnitPaymentConfirmation, ValidRefund));
    }

    [Fact]
    public void The_codec_does_not_sign_stored_fields_that_break_the_table()
    {
        var stored = OutboundVoucher.ToFields(MsgNos.RefundInstruction, ValidRefund).Where(f => f.Name != "RefundNo");

        var error = Assert.Throws<InvalidOutboundMessageException>(() => CnnontaxCodec.Default.EncodeOutbound(
            Samples.Head(MsgNos.RefundInstruction), VoucherPaths.ToVoucher(stored), Samples.Token, "320682"));

        Assert.Equal("RefundNo", error.Error.Field);
    }

    [Fact]
    public void The_codec_does_not_send_a_message_it_has_no_table_for()
    {
        Assert.Throws<InvalidOutboundMessageException>(() => CnnontaxCodec.Default.EncodeOutbound(
            Samples.Head("5999"), Voucher.FromFields([("Anything", "1")]), Samples.Token, "320682"));
    }
}
