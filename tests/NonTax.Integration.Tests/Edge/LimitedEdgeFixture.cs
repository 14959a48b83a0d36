namespace NonTax.Integration.Tests.Edge;

/// <summary>The whole system with small connection limits on the edge, for slow-loris and flood tests.</summary>
public sealed class LimitedEdgeFixture : EdgeSystemFixture
{
    public const int PerAddress = 4;

    protected override IReadOnlyDictionary<string, string?> ExtraEdgeSettings { get; } = new Dictionary<string, string?>
    {
        ["Edge:MaxConnectionsPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Edge:MaxConnections"] = "200",
    };
}
