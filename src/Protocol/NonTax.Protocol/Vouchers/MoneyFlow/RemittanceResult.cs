using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using static NonTax.Protocol.Vouchers.MoneyFlow.MoneyFlowFieldSpecs;

namespace NonTax.Protocol.Vouchers.MoneyFlow;

/// <summary>
/// 2618 缴库结果 (bank → finance, answered 5001): the outcome of the 5618 named by RemitNo (its
/// HEAD/MsgRef carries the instruction's MsgID). Result 00000 = the whole AllAmt was remitted
/// (TraNo is then the bank's transaction number); otherwise the bank's code and nothing moved.
/// </summary>
public sealed record RemittanceResult(
    string RemitNo,
    int RemitType,
    string Result,
    DateOnly RemitDate,
    decimal AllAmt,
    string TraNo = "",
    string Information = "") : ITypedVoucher<RemittanceResult>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
    [
        RemitNoField,
        FieldSpec.M("RemitType", FieldType.Code, 1, 1),
        ResultField,
        FieldSpec.M("RemitDate", FieldType.Date),
        AllAmtField,
        FieldSpec.O("TraNo", FieldType.String, 0, 50),
        InformationField,
    ]);

    /// <summary>True when the bank remitted.</summary>
    public bool Succeeded => Result == ResultCodes.Success;

    /// <inheritdoc />
    public static ProtocolResult<RemittanceResult> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new RemittanceResult(
            r.Text("RemitNo"), r.Code("RemitType"), r.Text("Result"), r.Date("RemitDate"), r.Money("AllAmt"), r.Text("TraNo"), r.Text("Information")),
        v => v.RemitType is not (RemittanceInstruction.Direct or RemittanceInstruction.Central)
            ? ProtocolError.InvalidField("RemitType", "must be 1 (direct) or 2 (central)")
            : v.Succeeded && v.TraNo.Length == 0 ? ProtocolError.InvalidField("TraNo", "a successful remittance names the bank's transaction") : null);

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Text("RemitNo", RemitNo).Code("RemitType", RemitType).Text("Result", Result).Date("RemitDate", RemitDate)
        .Money("AllAmt", AllAmt).Text("TraNo", TraNo).Text("Information", Information)
        .Build();
}
