using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.BaseData.BaseDataFieldSpecs;

namespace NonTax.Protocol.Vouchers.BaseData;

/// <summary>
/// 5981 to a bank (answered 2001): full refresh of units' supervised accounts. Not to be confused
/// with 5981 to a unit platform (<see cref="Units.EBillExchangeReply"/>): tell them apart by the peer.
/// </summary>
public sealed record SupervisedAccountRefresh(long SeqNo, IReadOnlyList<SupervisedAccountRefresh.Account> Accounts)
    : ITypedVoucher<SupervisedAccountRefresh>
{
    /// <summary>One unit's supervised account.</summary>
    public sealed record Account(string AcctNo, string AcctName, string ChgAgenCode, string ChgAgenName, string BankCode);

    private static readonly VoucherSpec AccountSpec = new(
    [
        F.AcctNo, F.AcctName,
        FieldSpec.M("ChgAgenCode", FieldType.String, 1, 30),
        FieldSpec.M("ChgAgenName", FieldType.GBString, 1, 100),
        F.BankCode,
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new([F.SeqNo], [new GroupSpec("Accounts", "Account", AccountSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<SupervisedAccountRefresh> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new SupervisedAccountRefresh(
            r.Integer("SeqNo"),
            r.Items("Accounts", "Account")
                .Select(a => new Account(a.Text("AcctNo"), a.Text("AcctName"), a.Text("ChgAgenCode"), a.Text("ChgAgenName"), a.Text("BankCode")))
                .ToArray()));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Integer("SeqNo", SeqNo)
        .Group("Accounts", "Account", Accounts, (b, a) => b
            .Text("AcctNo", a.AcctNo).Text("AcctName", a.AcctName).Text("ChgAgenCode", a.ChgAgenCode)
            .Text("ChgAgenName", a.ChgAgenName).Text("BankCode", a.BankCode))
        .Build();
}
