using NonTax.Protocol.Nodes;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.BaseData;
using NonTax.Protocol.Vouchers.Common;
using NonTax.Protocol.Vouchers.Schema;
using NonTax.Protocol.Vouchers.Units;

namespace NonTax.Protocol.Tests.Vouchers;

public class VoucherCatalogTests
{
    [Fact]
    public void Tells_the_two_5981s_apart_by_the_peer()
    {
        Assert.Equal(typeof(EBillExchangeReply), VoucherCatalog.TypeFor("5981", NodeKind.UnitPlatform));
        Assert.Equal(typeof(SupervisedAccountRefresh), VoucherCatalog.TypeFor("5981", NodeKind.AgentBank));
    }

    [Fact]
    public void Validates_known_messages_and_lets_others_through()
    {
        var reply = GenericReply.Success("2612").ToVoucher();

        Assert.Null(VoucherCatalog.Validate("5001", reply));
        Assert.Equal("OriMsgNo", VoucherCatalog.Validate("2001", Voucher.FromFields([("Result", "00000")]))!.Field);
        Assert.Null(VoucherCatalog.Validate("2999", reply));
        Assert.Null(VoucherCatalog.TypeFor("2999"));
    }

    [Fact]
    public void The_protocol_document_lists_every_field_the_code_checks()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NonTaxGrains.sln")))
        {
            root = root.Parent;
        }

        var doc = File.ReadAllText(Path.Combine(root!.FullName, "docs", "protocol.md"));
        var missing = VoucherCatalog.KnownMsgNos
            .SelectMany(msgNo => new[] { NodeKind.AgentBank, NodeKind.UnitPlatform }.Select(peer => (msgNo, spec: VoucherCatalog.SpecFor(msgNo, peer)!)))
            .SelectMany(x => Names(x.spec, "").Select(name => $"{x.msgNo} {name}"))
            .Where(entry => !doc.Contains($"### {entry[..4]}", StringComparison.Ordinal) || !doc.Contains($"| {entry[5..]} |", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(missing);
    }

    private static IEnumerable<string> Names(VoucherSpec spec, string prefix) =>
        spec.Fields.Select(f => prefix + f.Name)
            .Concat(spec.Groups.SelectMany(g => Names(g.ItemSpec, $"{prefix}{g.Path}/")));
}
