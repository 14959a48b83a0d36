using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.Protocol.Vouchers.Common;

namespace NonTax.Protocol.Tests.Vouchers;

public class TypedVoucherRuleTests
{
    private static readonly (string, string)[] Confirmation =
    [
        ("PayCode", "32068225110100000001"), ("CfmDate", "20251101"), ("CfmTime", "093000"), ("Amt", "80.0"),
        ("BankOutlet", "0105001"), ("Operator", "柜员1"), ("PayMode", "01"), ("TraNoBus", "20251101000123"),
        ("PayerName", "张三"), ("PayerAcct", ""), ("PayerOpBk", ""), ("PayerOpBkNo", ""), ("RecAcctType", "1"),
        ("RecAcct", "3206820000001"), ("Hold1", ""), ("Hold2", ""),
    ];

    [Fact]
    public void Parses_codes_with_leading_zeros_and_writes_them_as_traffic_shows_them()
    {
        var confirmation = TypedVoucher.Parse<PaymentConfirmation>(Confirmation).Value;

        Assert.Equal(1, confirmation.PayMode);
        Assert.Equal(80m, confirmation.Amt);
        Assert.Contains(("PayMode", "1"), confirmation.ToFields());
        Assert.Contains(("Amt", "80.00"), confirmation.ToFields());
    }

    [Theory]
    [InlineData("Amt", "80.001")]
    [InlineData("CfmDate", "20251131")]
    [InlineData("PayMode", "001")]
    [InlineData("PayerName", "𠀀")]
    [InlineData("TraNoBus", "")]
    public void Names_the_malformed_field(string field, string value)
    {
        var fields = Confirmation.Select(f => f.Item1 == field ? (f.Item1, value) : f);

        var error = TypedVoucher.Parse<PaymentConfirmation>(fields).Error!;

        Assert.Equal(field, error.Field);
        Assert.Equal(ResultCodes.MalformedField, error.ResultCode);
    }

    [Fact]
    public void Names_a_missing_mandatory_field_and_keeps_empty_optional_ones()
    {
        Assert.Equal("Operator", TypedVoucher.Parse<PaymentConfirmation>(Confirmation.Where(f => f.Item1 != "Operator")).Error!.Field);
        Assert.True(TypedVoucher.Parse<PaymentConfirmation>(Confirmation.Where(f => f.Item1 != "Hold2")).IsSuccess);
        Assert.Contains(("Hold2", ""), TypedVoucher.Parse<PaymentConfirmation>(Confirmation).Value.ToFields());
    }

    [Fact]
    public void Receiving_account_may_be_empty_only_for_a_ledger_subject()
    {
        var noAccount = Confirmation.Select(f => f.Item1 == "RecAcct" ? (f.Item1, "") : f).ToArray();

        Assert.Equal("RecAcct", TypedVoucher.Parse<PaymentConfirmation>(noAccount).Error!.Field);
        Assert.True(TypedVoucher.Parse<PaymentConfirmation>(noAccount.Select(f => f.Item1 == "RecAcctType" ? (f.Item1, "3") : f)).IsSuccess);
    }

    [Fact]
    public void Education_query_needs_a_credit_code_or_a_phone()
    {
        Assert.False(TypedVoucher.Parse<EducationQuery>([("PayerCreditCode", ""), ("MobilePhone", "")]).IsSuccess);
        Assert.True(TypedVoucher.Parse<EducationQuery>([("MobilePhone", "13800000000")]).IsSuccess);
    }

    [Fact]
    public void Generic_reply_refusal_names_the_field()
    {
        var reply = GenericReply.Refusal("2612", ProtocolError.InvalidField("Amt", "not an amount"));

        Assert.Equal(("2612", "20001", "Amt: not an amount"), (reply.OriMsgNo, reply.Result, reply.Information));
        Assert.Equal(MsgNos.FinanceReply, GenericReply.ReplyMsgNoFor('5'));
    }

    [Fact]
    public void Ordered_name_value_pairs_become_a_voucher_in_order_and_back()
    {
        (string, string)[] fields = [("RefundNo", "R1"), ("RefundType", "1"), ("Memo", "")];

        var voucher = Voucher.FromFields(fields);

        Assert.Equal("<Voucher><RefundNo>R1</RefundNo><RefundType>1</RefundType><Memo/></Voucher>", VoucherXml.WriteString(voucher));
        Assert.Equal(fields, VoucherXml.Parse(VoucherXml.ToGbkBytes(voucher)).Value.ToFields());
    }

    [Fact]
    public void Notice_amount_must_be_the_original_plus_the_late_fee()
    {
        var notice = new NoticeIssue("320682", "32068225110100000001", new DateOnly(2025, 11, 1), "001", "单位", "张三", "", "",
            81m, 80m, 0m, 0, 1, "专户", "3206820000001", "", "中国银行", "104100000004", 0, "", "", "", "13800000000", "", "", "", "", "", "");

        Assert.Equal("Amt", NoticeIssue.Parse(notice.ToVoucher()).Error!.Field);
        Assert.True(NoticeIssue.Parse((notice with { Amt = 80m }).ToVoucher()).IsSuccess);
    }
}
