using System.Text.Json;
using NonTax.Protocol.Nodes;

namespace NonTax.Protocol.Tests.Nodes;

public class NodeKindTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // The codes deploy/local/sandbox-peers.sh and sandbox-bureau.json register, and the sandbox finance node.
    [Theory]
    [InlineData("D3206820105", NodeKind.AgentBank)]
    [InlineData("D3206820103", NodeKind.AgentBank)]
    [InlineData("G000001", NodeKind.PublicPaymentPlatform)]
    [InlineData("K3206820001", NodeKind.UnitPlatform)]
    [InlineData("Q3206820104", NodeKind.ClearingBank)]
    [InlineData("F320682", NodeKind.Finance)]
    public void The_kind_of_each_sandbox_node_code(string code, NodeKind kind) => Assert.Equal(kind, NodeCode.KindOf(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("D")]
    [InlineData("G000002")]
    [InlineData("K320682000")]
    [InlineData("X3206820105")]
    public void A_code_of_no_shape_has_no_kind(string? code) => Assert.Null(NodeCode.KindOf(code));

    [Theory]
    [InlineData(NodeKind.AgentBank, "\"AgentBank\"")]
    [InlineData(NodeKind.PublicPaymentPlatform, "\"PublicPaymentPlatform\"")]
    [InlineData(NodeKind.UnitPlatform, "\"UnitPlatform\"")]
    public void Json_writes_the_name(NodeKind kind, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(kind, Web));
        Assert.Equal(kind, JsonSerializer.Deserialize<NodeKind>(json, Web));
    }

    // What the operator API wrote when the peer registry had its own enum.
    [Theory]
    [InlineData("\"AgentBank\"", NodeKind.AgentBank)]
    [InlineData("\"ClearingBank\"", NodeKind.ClearingBank)]
    [InlineData("\"PaymentPlatform\"", NodeKind.PublicPaymentPlatform)]
    [InlineData("\"UnitPlatform\"", NodeKind.UnitPlatform)]
    [InlineData("\"paymentPlatform\"", NodeKind.PublicPaymentPlatform)]
    public void Json_still_reads_the_former_peer_kind_names(string json, NodeKind kind) =>
        Assert.Equal(kind, JsonSerializer.Deserialize<NodeKind>(json, Web));

    [Theory]
    [InlineData("2")]
    [InlineData("\"2\"")]
    [InlineData("\"AgentBank, UnitPlatform\"")]
    [InlineData("\"Bank\"")]
    [InlineData("null")]
    public void Json_refuses_anything_but_a_name(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<NodeKind>(json, Web));
}
