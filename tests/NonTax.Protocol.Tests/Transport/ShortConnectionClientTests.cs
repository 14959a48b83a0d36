using System.Net;
using System.Net.Sockets;
using System.Text;
using NonTax.Protocol.Transport;

namespace NonTax.Protocol.Tests.Transport;

public sealed class ShortConnectionClientTests
{
    [Fact]
    public async Task A_cancelled_exchange_closes_its_connection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var cancel = new CancellationTokenSource();

        var exchange = ShortConnectionClient.ExchangeAsync("127.0.0.1", port, Encoding.ASCII.GetBytes("hello"), cancel.Token);
        using var server = await listener.AcceptTcpClientAsync();
        var stream = server.GetStream();
        var buffer = new byte[16];
        Assert.Equal(5, await stream.ReadAsync(buffer));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exchange);

        // The peer sees end of stream: nothing is left half-open after a timeout.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await stream.ReadAsync(buffer, limit.Token));
    }

    [Fact]
    public async Task A_peer_that_closes_without_a_reply_is_an_io_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var exchange = ShortConnectionClient.ExchangeAsync("127.0.0.1", port, Encoding.ASCII.GetBytes("hello"), CancellationToken.None);
        using (var server = await listener.AcceptTcpClientAsync())
        {
            var buffer = new byte[16];
            Assert.Equal(5, await server.GetStream().ReadAsync(buffer));
        }

        await Assert.ThrowsAsync<IOException>(() => exchange);
    }
}
