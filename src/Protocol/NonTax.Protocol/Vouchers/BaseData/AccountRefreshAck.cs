using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.BaseData.BaseDataFieldSpecs;

namespace NonTax.Protocol.Vouchers.BaseData;

/// <summary>2952 (bank → finance, answered 5001): result of a 5952 refresh, with errors per account.</summary>
public sealed record AccountRefreshAck(long SeqNo, string Result, IReadOnlyList<AccountRefreshAck.Error> Errors) : ITypedVoucher<AccountRefreshAck>
{
    /// <summary>An account the bank could not apply.</summary>
    public sealed record Error(string AcctNo, string Code, string Reason);

    private static readonly VoucherSpec ErrorSpec = new(
    [
        F.AcctNo,
        FieldSpec.M("Code", FieldType.String, 1, 10),
        FieldSpec.O("Reason", FieldType.GBString, 0, 200),
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new([F.SeqNo, F.Result], [new GroupSpec("Errors", "Error", ErrorSpec, ContainerRequired: false)]);

    /// <inheritdoc />
    public static ProtocolResult<AccountRefreshAck> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new AccountRefreshAck(
            r.Integer("SeqNo"),
            r.Text("Result"),
            r.Items("Errors", "Error").Select(e => new Error(e.Text("AcctNo"), e.Text("Code"), e.Text("Reason"))).ToArray()));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Integer("SeqNo", SeqNo).Text("Result", Result)
        .Group("Errors", "Error", Errors, (b, e) => b.Text("AcctNo", e.AcctNo).Text("Code", e.Code).Text("Reason", e.Reason))
        .Build();
}
