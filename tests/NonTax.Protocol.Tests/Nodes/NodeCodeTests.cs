using NonTax.Protocol.Nodes;

namespace NonTax.Protocol.Tests.Nodes;

public class NodeCodeTests
{
    [Theory]
    [InlineData("F320682", NodeKind.Finance, "320682", "")]
    [InlineData("G000001", NodeKind.PublicPaymentPlatform, "", "")]
    [InlineData("D3206820105", NodeKind.AgentBank, "320682", "0105")]
    [InlineData("Q3206820104", NodeKind.ClearingBank, "320682", "0104")]
    [InlineData("K3206820001", NodeKind.UnitPlatform, "320682", "0001")]
    public void Parses_the_five_shapes(string value, NodeKind kind, string region, string number)
    {
        Assert.True(NodeCode.TryParse(value, out var code));
        Assert.Equal(new NodeCode(value, kind, region, number), code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("CZ000000")]
    [InlineData("F32068")]
    [InlineData("F3206820")]
    [InlineData("G000002")]
    [InlineData("D320682010")]
    [InlineData("D32068201051")]
    [InlineData("D32068201O5")]
    [InlineData("X3206820105")]
    public void Refuses_anything_else(string? value) => Assert.False(NodeCode.TryParse(value, out _));

    [Theory]
    [InlineData(NodeKind.AgentBank, "2612", true)]
    [InlineData(NodeKind.ClearingBank, "2698", true)]
    [InlineData(NodeKind.PublicPaymentPlatform, "2601", true)]
    [InlineData(NodeKind.PublicPaymentPlatform, "2698", false)]
    [InlineData(NodeKind.AgentBank, "8994", false)]
    [InlineData(NodeKind.AgentBank, "5001", false)]
    [InlineData(NodeKind.UnitPlatform, "8994", true)]
    [InlineData(NodeKind.UnitPlatform, "2601", false)]
    [InlineData(NodeKind.UnitPlatform, "2698", false)]
    [InlineData(NodeKind.Finance, "5617", true)]
    [InlineData(NodeKind.Finance, "2612", false)]
    [InlineData(NodeKind.AgentBank, "26a2", false)]
    public void Knows_who_may_send_what(NodeKind sender, string msgNo, bool allowed) =>
        Assert.Equal(allowed, MessagePermissions.MaySend(sender, msgNo));
}
