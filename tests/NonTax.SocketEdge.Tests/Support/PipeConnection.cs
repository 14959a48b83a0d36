using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;

namespace NonTax.SocketEdge.Tests.Support;

/// <summary>
/// An in-memory connection for <see cref="Microsoft.AspNetCore.Connections.ConnectionHandler"/>s: the test writes
/// what the peer sends into <see cref="Peer"/> and reads what the handler answers from <see cref="Replies"/>.
/// </summary>
internal sealed class PipeConnection
{
    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    private readonly Pipe _toHandler = new();
    private readonly Pipe _fromHandler = new();

    public PipeConnection(IPEndPoint remote)
    {
        Context = new DefaultConnectionContext(Guid.NewGuid().ToString("N"))
        {
            Transport = new Duplex(_toHandler.Reader, _fromHandler.Writer),
            RemoteEndPoint = remote,
        };
    }

    public DefaultConnectionContext Context { get; }

    public PipeWriter Peer => _toHandler.Writer;

    public PipeReader Replies => _fromHandler.Reader;

    public async Task SendAsync(byte[] bytes, bool thenClose = false)
    {
        await Peer.WriteAsync(bytes);
        if (thenClose)
        {
            await Peer.CompleteAsync();
        }
    }

    /// <summary>Everything the handler wrote until it completed its side.</summary>
    public async Task<byte[]> ReadAllRepliesAsync()
    {
        while (true)
        {
            var read = await Replies.ReadAsync();
            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                Replies.AdvanceTo(read.Buffer.End);
                return bytes;
            }

            Replies.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
