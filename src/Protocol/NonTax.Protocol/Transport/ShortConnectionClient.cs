using System.IO.Pipelines;
using System.Net.Sockets;
using NonTax.Protocol.Framing;

namespace NonTax.Protocol.Transport;

/// <summary>
/// The sending side of a CNNONTAX short connection: connect, write one frame, read one reply
/// frame (which may arrive in several segments, slowly), close. Used by the finance node's
/// outbound links and by the bank simulator.
/// </summary>
public static class ShortConnectionClient
{
    /// <exception cref="IOException">The connection closed before a whole, readable reply frame arrived.</exception>
    public static async Task<RawFrame> ExchangeAsync(string host, int port, ReadOnlyMemory<byte> request, CancellationToken cancellationToken, int maxReplyBytes = FrameLayout.DefaultMaxFrameLength)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(host, port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(request, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        var reader = PipeReader.Create(stream);
        var frames = new FrameReader(maxReplyBytes);
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                var result = frames.TryRead(read.Buffer, out var consumed);
                if (result.IsComplete)
                {
                    reader.AdvanceTo(consumed);
                    return result.Frame;
                }

                if (result.Status == FrameReadStatus.Invalid)
                {
                    throw new IOException($"Unreadable reply from {host}:{port}: {result.Error}");
                }

                if (read.IsCompleted)
                {
                    throw new IOException($"{host}:{port} closed the connection after {read.Buffer.Length} bytes, before a whole reply frame.");
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }
}
