using System.IO.Pipelines;
using System.Net.Sockets;
using NonTax.Protocol.Framing;

namespace NonTax.BankSimulator.Load;

/// <summary>
/// One client's connection kept open for many request/reply exchanges. A server that closes after
/// each reply (the finance node's edge does, as the protocol's short connections require) is met
/// by reconnecting and sending the same frame again, which the protocol makes safe: a resent
/// MsgID with the same body gets the stored reply. <see cref="Reconnects"/> counts those.
/// </summary>
public sealed class PersistentConnection(string host, int port) : IAsyncDisposable
{
    private TcpClient? _client;
    private PipeReader? _reader;
    private NetworkStream? _stream;
    private readonly FrameReader _frames = new(FrameLayout.DefaultMaxFrameLength);

    public long Reconnects { get; private set; }

    public async Task<RawFrame> ExchangeAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        if (_client is not null)
        {
            try
            {
                var reply = await TryExchangeAsync(frame, cancellationToken);
                if (reply is not null)
                {
                    return reply;
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException)
            {
            }

            Reconnects++;
        }

        await ConnectAsync(cancellationToken);
        return await TryExchangeAsync(frame, cancellationToken)
            ?? throw new IOException($"{host}:{port} closed a fresh connection without a reply.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null)
        {
            await _reader.CompleteAsync();
        }

        _client?.Dispose();
        _client = null;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await DisposeAsync();
        _client = new TcpClient { NoDelay = true };
        await _client.ConnectAsync(host, port, cancellationToken);
        _stream = _client.GetStream();
        _reader = PipeReader.Create(_stream);
    }

    /// <summary>The reply, or null when the server had already closed the connection (nothing read).</summary>
    private async Task<RawFrame?> TryExchangeAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _stream!.WriteAsync(frame, cancellationToken);
        while (true)
        {
            var read = await _reader!.ReadAsync(cancellationToken);
            var result = _frames.TryRead(read.Buffer, out var consumed);
            if (result.IsComplete)
            {
                _reader.AdvanceTo(consumed);
                return result.Frame;
            }

            if (result.Status == FrameReadStatus.Invalid)
            {
                throw new IOException($"Unreadable reply from {host}:{port}: {result.Error}");
            }

            if (read.IsCompleted)
            {
                var empty = read.Buffer.IsEmpty;
                _reader.AdvanceTo(read.Buffer.End);
                return empty ? null : throw new IOException($"{host}:{port} closed mid-reply.");
            }

            _reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
