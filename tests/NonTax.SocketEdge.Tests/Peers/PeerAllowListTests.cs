using System.Net;
using NonTax.Infrastructure.Peers;
using NonTax.Protocol.Nodes;

namespace NonTax.SocketEdge.Tests.Peers;

public class PeerAllowListTests
{
    private static Peer PeerAllowing(params string[] networks) => new(
        "D3206820105", NodeKind.AgentBank, "bank", new string('t', 32), null, null, null,
        networks.Select(IPNetwork.Parse).ToArray(), [], true, 1);

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.1.2.255", true)]
    [InlineData("10.1.3.1", false)]
    [InlineData("192.168.7.7", true)]
    [InlineData("192.168.7.8", false)]
    [InlineData("2001:db8:5::1", true)]
    [InlineData("2001:db8:6::1", false)]
    public void Address_must_fall_in_one_of_the_networks(string address, bool allowed) =>
        Assert.Equal(allowed, PeerAllowing("10.1.2.0/24", "192.168.7.7/32", "2001:db8:5::/48").AllowsAddress(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("::ffff:10.1.3.3", false)]
    public void IPv4_mapped_IPv6_addresses_are_judged_as_IPv4(string address, bool allowed) =>
        Assert.Equal(allowed, PeerAllowing("10.1.2.0/24").AllowsAddress(IPAddress.Parse(address)));

    [Fact]
    public void An_empty_list_admits_any_address()
    {
        Assert.True(PeerAllowing().AllowsAddress(IPAddress.Parse("203.0.113.9")));
        Assert.True(PeerAllowing().AllowsAddress(IPAddress.IPv6Loopback));
    }

    [Fact]
    public void ToString_never_shows_a_token()
    {
        var peer = PeerAllowing() with { PreviousToken = new string('p', 32) };
        Assert.DoesNotContain("tttt", peer.ToString());
        Assert.DoesNotContain("pppp", peer.ToString());
    }

    [Fact]
    public void Previous_token_is_valid_only_during_its_grace_period()
    {
        var now = DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var peer = PeerAllowing() with { PreviousToken = "old", PreviousTokenExpiresAt = now.AddMinutes(1) };
        Assert.Equal([peer.Token, "old"], peer.TokensValidAt(now));
        Assert.Equal([peer.Token], peer.TokensValidAt(now.AddMinutes(1)));
    }
}
