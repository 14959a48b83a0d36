using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Schema;
using F = NonTax.Protocol.Vouchers.BaseData.BaseDataFieldSpecs;

namespace NonTax.Protocol.Vouchers.BaseData;

/// <summary>5953 (finance → bank, answered 2001): full refresh of the regions this finance node serves.</summary>
public sealed record RegionRefresh(long SeqNo, string FinanceNode, IReadOnlyList<RegionRefresh.Region> Regions) : ITypedVoucher<RegionRefresh>
{
    /// <summary>One region (区划).</summary>
    public sealed record Region(string AdmDivCode, string Name);

    private static readonly VoucherSpec RegionSpec = new(
    [
        FieldSpec.M("AdmDivCode", FieldType.String, 1, 6),
        FieldSpec.M("Name", FieldType.GBString, 1, 100),
    ]);

    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new(
        [F.SeqNo, FieldSpec.M("FinanceNode", FieldType.String, 7, 7)],
        [new GroupSpec("Regions", "Region", RegionSpec)]);

    /// <inheritdoc />
    public static ProtocolResult<RegionRefresh> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new RegionRefresh(
            r.Integer("SeqNo"),
            r.Text("FinanceNode"),
            r.Items("Regions", "Region").Select(g => new Region(g.Text("AdmDivCode"), g.Text("Name"))).ToArray()));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder()
        .Integer("SeqNo", SeqNo).Text("FinanceNode", FinanceNode)
        .Group("Regions", "Region", Regions, (b, g) => b.Text("AdmDivCode", g.AdmDivCode).Text("Name", g.Name))
        .Build();
}
