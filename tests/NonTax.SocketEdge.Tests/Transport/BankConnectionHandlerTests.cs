using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NonTax.Protocol.Framing;
using NonTax.SocketEdge.Tests.Support;
using NonTax.SocketEdge.Transport;

namespace NonTax.SocketEdge.Tests.Transport;

/// <summary>
/// The transport's decisions with the business side faked: what reaches the processor, from which
/// address, and when the connection is closed without a reply. No clock is asserted: the idle
/// test only bounds a hang.
/// </summary>
public sealed class BankConnectionHandlerTests : IDisposable
{
    private static readonly IPEndPoint Bank = new(IPAddress.Parse("192.0.2.7"), 40000);
    private static readonly IPEndPoint Balancer = new(IPAddress.Parse("10.0.0.1"), 51000);
    private static readonly byte[] Reply = Encoding.ASCII.GetBytes("reply-bytes");
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private readonly EdgeMetrics _metrics = new();
    private readonly RecordingFrameProcessor _processor = new(Reply);

    private static byte[] Frame() =>
        FrameWriter.Write("2002", Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"GBK\"?><CFX></CFX>"), new string('a', 64));

    private BankConnectionHandler Handler(Action<EdgeOptions>? configure = null)
    {
        var options = new EdgeOptions { MaxFrameBytes = 4096, BalancerAddresses = ["10.0.0.1"] };
        configure?.Invoke(options);
        return new BankConnectionHandler(_processor, Options.Create(options), _metrics, NullLogger<BankConnectionHandler>.Instance);
    }

    private async Task<byte[]> ServeAsync(BankConnectionHandler handler, IPEndPoint remote, byte[] sent, bool thenClose = true)
    {
        var connection = new PipeConnection(remote);
        var serving = handler.OnConnectedAsync(connection.Context);
        await connection.SendAsync(sent, thenClose);
        await serving.WaitAsync(HangLimit);
        return await connection.ReadAllRepliesAsync().WaitAsync(HangLimit);
    }

    [Fact]
    public async Task A_whole_frame_is_processed_with_the_socket_address_and_answered()
    {
        var answer = await ServeAsync(Handler(), Bank, Frame(), thenClose: false);
        Assert.Equal(Reply, answer);
        var (frame, remote) = Assert.Single(_processor.Processed);
        Assert.Equal("2002", frame.MsgNo);
        Assert.Equal(Bank, remote);
    }

    [Fact]
    public async Task An_oversized_length_is_closed_without_reply_and_recorded()
    {
        var header = Encoding.ASCII.GetBytes("99999999CNNONTAX1.02002<?xml");
        var answer = await ServeAsync(Handler(), Bank, header, thenClose: false);
        Assert.Empty(answer);
        Assert.Empty(_processor.Processed);
        Assert.Equal(Bank, Assert.Single(_processor.Unreadable).Remote);
        Assert.Equal(1, _metrics.RefusedTotal);
    }

    [Fact]
    public async Task A_truncated_frame_is_closed_without_reply()
    {
        var frame = Frame();
        var answer = await ServeAsync(Handler(), Bank, frame[..(frame.Length - 10)], thenClose: true);
        Assert.Empty(answer);
        Assert.Empty(_processor.Processed);
        Assert.Equal("truncated", Assert.Single(_processor.Unreadable).Reason);
    }

    [Fact]
    public async Task A_stalled_read_is_closed_after_the_idle_limit_without_reply()
    {
        var handler = Handler(o =>
        {
            o.IdleTimeout = TimeSpan.FromMilliseconds(200);
            o.ReadTimeout = TimeSpan.FromMinutes(5);
        });
        var frame = Frame();
        var answer = await ServeAsync(handler, Bank, frame[..30], thenClose: false);
        Assert.Empty(answer);
        Assert.Empty(_processor.Processed);
        Assert.Equal(1, _metrics.RefusedTotal);
    }

    [Fact]
    public async Task Behind_a_balancer_the_PROXY_address_is_the_remote()
    {
        var header = ProxyHeaders.V1("PROXY TCP4 192.0.2.7 10.0.0.1 40000 9100");
        var answer = await ServeAsync(Handler(), Balancer, [.. header, .. Frame()], thenClose: false);
        Assert.Equal(Reply, answer);
        Assert.Equal(Bank, Assert.Single(_processor.Processed).Remote);
    }

    [Fact]
    public async Task An_IPv4_mapped_balancer_address_is_recognised()
    {
        var mapped = new IPEndPoint(IPAddress.Parse("10.0.0.1").MapToIPv6(), 51000);
        var header = ProxyHeaders.V2(IPAddress.Parse("192.0.2.7"), 40000, IPAddress.Parse("10.0.0.1"), 9100);
        await ServeAsync(Handler(), mapped, [.. header, .. Frame()], thenClose: false);
        Assert.Equal(Bank, Assert.Single(_processor.Processed).Remote);
    }

    [Fact]
    public async Task A_balancer_connection_without_a_PROXY_header_is_closed_unprocessed()
    {
        var answer = await ServeAsync(Handler(), Balancer, Frame(), thenClose: false);
        Assert.Empty(answer);
        Assert.Empty(_processor.Processed);
        Assert.Equal(1, _metrics.RefusedTotal);
    }

    [Fact]
    public async Task A_PROXY_header_from_a_non_balancer_is_not_trusted()
    {
        // Anyone could claim any address; only configured balancers are believed.
        var header = ProxyHeaders.V1("PROXY TCP4 10.9.9.9 10.0.0.1 40000 9100");
        var answer = await ServeAsync(Handler(), Bank, [.. header, .. Frame()], thenClose: false);
        Assert.Empty(answer);
        Assert.Empty(_processor.Processed);
        Assert.Equal(Bank, Assert.Single(_processor.Unreadable).Remote);
    }

    [Fact]
    public async Task A_frame_dribbled_byte_by_byte_is_still_read()
    {
        var connection = new PipeConnection(Bank);
        var serving = Handler().OnConnectedAsync(connection.Context);
        foreach (var b in Frame())
        {
            await connection.Peer.WriteAsync(new[] { b });
        }

        await serving.WaitAsync(HangLimit);
        Assert.Equal(Reply, await connection.ReadAllRepliesAsync().WaitAsync(HangLimit));
        Assert.Single(_processor.Processed);
    }

    public void Dispose() => _metrics.Dispose();
}
