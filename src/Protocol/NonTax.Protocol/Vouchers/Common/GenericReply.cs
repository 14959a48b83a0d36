using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Common;

/// <summary>
/// 2001 (bank) / 5001 (finance) / 8001 (unit): the generic reply — "received" or "refused".
/// Information is text or a value (e-bill number, payment URL); for 20001 it names the field.
/// </summary>
public sealed record GenericReply(string OriMsgNo, string Result, string Information = "") : ITypedVoucher<GenericReply>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        FieldSpec.M("OriMsgNo", FieldType.NString, 4, 4),
        FieldSpec.M("Result", FieldType.NString, 5, 5),
        FieldSpec.O("Information", FieldType.GBString, 0, 1000),
    ]);

    /// <summary>True for <c>00000</c>.</summary>
    public bool IsSuccess => Result == ResultCodes.Success;

    /// <summary>A success reply.</summary>
    public static GenericReply Success(string oriMsgNo, string information = "") => new(oriMsgNo, ResultCodes.Success, information);

    /// <summary>A refusal built from a protocol error (20001 naming the field).</summary>
    public static GenericReply Refusal(string oriMsgNo, ProtocolError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new GenericReply(oriMsgNo, error.ResultCode, error.Information);
    }

    /// <summary>The MsgNo of the generic reply a node of this originator digit sends (2→2001, 5→5001, 8→8001).</summary>
    public static string ReplyMsgNoFor(char originatorDigit) => originatorDigit switch
    {
        '2' => MsgNos.BankReply,
        '5' => MsgNos.FinanceReply,
        '8' => MsgNos.UnitReply,
        _ => throw new ArgumentOutOfRangeException(nameof(originatorDigit), originatorDigit, "Only banks (2), finance (5) and units (8) reply."),
    };

    /// <inheritdoc />
    public static ProtocolResult<GenericReply> Parse(Voucher voucher) =>
        Spec.Read(voucher, r => new GenericReply(r.Text("OriMsgNo"), r.Text("Result"), r.Text("Information")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("OriMsgNo", OriMsgNo).Text("Result", Result).Text("Information", Information).Build();
}
