using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.BaseData.BaseDataFieldSpecs;

namespace NonTax.Protocol.Vouchers.BaseData;

/// <summary>5952 (finance → bank, answered 2001; result 2952 later): full refresh of fiscal accounts.</summary>
public sealed record AccountRefresh(long SeqNo, IReadOnlyList<AccountRefresh.Account> Accounts) : ITypedVoucher<AccountRefresh>
{
    /// <summary>One fiscal account. AcctType uses the RecAcctType table; Status 1 active, 0 closed.</summary>
    public sealed record Account(string AcctNo, string AcctName, int AcctType, string BankCode, string BankName, int Status);

    private static readonly VoucherSpec AccountSpec = new(
    [
        F.AcctNo, F.AcctName,
        FieldSpec.M("AcctType", FieldType.Code, 1, 2),
        F.BankCode,
        FieldSpec.M("BankName", FieldType.GBString, 0, 100),
        FieldSpec.M("Status", FieldType.Code, 1, 1),
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new([F.SeqNo], [new GroupSpec("Accounts", "Account", AccountSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<AccountRefresh> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new AccountRefresh(
            r.Integer("SeqNo"),
            r.Items("Accounts", "Account")
                .Select(a => new Account(a.Text("AcctNo"), a.Text("AcctName"), a.Code("AcctType"), a.Text("BankCode"), a.Text("BankName"), a.Code("Status")))
                .ToArray()));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Integer("SeqNo", SeqNo)
        .Group("Accounts", "Account", Accounts, (b, a) => b
            .Text("AcctNo", a.AcctNo).Text("AcctName", a.AcctName).Code("AcctType", a.AcctType)
            .Text("BankCode", a.BankCode).Text("BankName", a.BankName).Code("Status", a.Status))
        .Build();
}
