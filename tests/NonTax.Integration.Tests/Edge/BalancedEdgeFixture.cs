namespace NonTax.Integration.Tests.Edge;

/// <summary>The whole system with the edge told that 127.0.0.1 is a TCP load balancer: every connection must start with a PROXY header.</summary>
public sealed class BalancedEdgeFixture : EdgeSystemFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraEdgeSettings { get; } = new Dictionary<string, string?>
    {
        ["Edge:BalancerAddresses:0"] = "127.0.0.1",
    };
}
