using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Common;

/// <summary>2002 (bank) / 5002 (finance): connectivity test, answered by the generic reply.</summary>
public sealed record ConnectivityTest(string Info = "") : ITypedVoucher<ConnectivityTest>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new([FieldSpec.O("Info", FieldType.GBString, 0, 200)]);

    /// <inheritdoc />
    public static ProtocolResult<ConnectivityTest> Parse(Voucher voucher) => Spec.Read(voucher, r => new ConnectivityTest(r.Text("Info")));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder().Text("Info", Info).Build();
}
