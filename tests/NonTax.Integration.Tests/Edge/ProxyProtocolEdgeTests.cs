using System.Text;
using NonTax.Infrastructure.Peers;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Security;

namespace NonTax.Integration.Tests.Edge;

/// <summary>
/// Behind a balancer (127.0.0.1 here) the peer's address comes from the PROXY header, and the
/// peer's allowed networks from the registry are applied to that address, over real TCP.
/// </summary>
public sealed class ProxyProtocolEdgeTests(BalancedEdgeFixture system) : IClassFixture<BalancedEdgeFixture>, IAsyncLifetime
{
    private const string Bank = "D3206820103";
    private static readonly string[] BankNetworks = ["10.1.2.0/24", "2001:db8:5::/48"];

    public async Task InitializeAsync()
    {
        var registry = system.SiloServices.GetRequiredService<PeerRegistry>();
        var peer = (await registry.FindFreshAsync(Bank))!;
        if (peer.AllowedNetworks.Count == 0)
        {
            Assert.Equal(PeerUpdateOutcome.Updated, await registry.UpdateAsync(Bank, new PeerChanges { AllowedNetworks = BankNetworks }, peer.Version, "test:proxy"));
        }

        // The edge caches peers briefly; make it read the edited row now rather than wait.
        await system.EdgeServices.GetRequiredService<PeerRegistry>().FindFreshAsync(Bank);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private byte[] ConnectivityTest() =>
        system.Finance.BuildFrame(system.Peer(Bank), "2002", [("Info", "connectivity test")], system.Finance.NewMsgId());

    private static byte[] V1(string line) => Encoding.ASCII.GetBytes(line + "\r\n");

    private string? ResultOf(RawFrame? reply)
    {
        Assert.NotNull(reply);
        Assert.True(Mac.Verify(reply.Mac, reply.Body.Span, [system.Peer(Bank).Token]));
        return EnvelopeReader.Parse(reply.Body.Span, reply.MsgNo).Envelope!.First.Voucher["Result"];
    }

    [Theory]
    [InlineData("PROXY TCP4 10.1.2.3 10.0.0.1 40000 9100")]
    [InlineData("PROXY TCP6 2001:db8:5::7 2001:db8::1 40000 9100")]
    [InlineData("PROXY TCP6 ::ffff:10.1.2.3 ::ffff:10.0.0.1 40000 9100")]
    public async Task A_proxied_address_in_the_peers_networks_is_served(string proxyLine)
    {
        var reply = await system.Finance.SendRawAsync([.. V1(proxyLine), .. ConnectivityTest()]);
        Assert.Equal("00000", ResultOf(reply));
    }

    [Fact]
    public async Task A_v2_header_is_read_too()
    {
        var header = new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x11, 0x00, 0x0C, 10, 1, 2, 9, 10, 0, 0, 1, 0x9C, 0x40, 0x23, 0x8C };
        var reply = await system.Finance.SendRawAsync([.. header, .. ConnectivityTest()]);
        Assert.Equal("00000", ResultOf(reply));
    }

    [Fact]
    public async Task A_proxied_address_outside_the_peers_networks_is_dropped_without_reply()
    {
        var reply = await system.Finance.SendRawAsync([.. V1("PROXY TCP4 192.168.9.9 10.0.0.1 40000 9100"), .. ConnectivityTest()]);
        Assert.Null(reply);
        var archived = await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.message_archive WHERE peer = $1 AND remote_address = $2 AND note LIKE '%not allowed%'", Bank, "192.168.9.9:40000");
        Assert.Equal(1, archived);
    }

    [Fact]
    public async Task A_balancer_connection_without_a_PROXY_header_is_dropped()
    {
        var before = system.EdgeServices.GetRequiredService<NonTax.SocketEdge.Transport.EdgeMetrics>().RefusedTotal;
        Assert.Null(await system.Finance.SendRawAsync(ConnectivityTest()));
        Assert.True(system.EdgeServices.GetRequiredService<NonTax.SocketEdge.Transport.EdgeMetrics>().RefusedTotal > before);
    }

    [Fact]
    public async Task The_balancers_own_address_is_not_an_allowed_peer_address()
    {
        // LOCAL (a balancer's health check) keeps the socket's address, which is not in the bank's networks.
        var local = new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x20, 0x00, 0x00, 0x00 };
        Assert.Null(await system.Finance.SendRawAsync([.. local, .. ConnectivityTest()]));
    }
}
