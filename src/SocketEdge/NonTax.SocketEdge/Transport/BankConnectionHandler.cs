using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using NonTax.Protocol;
using NonTax.Protocol.Framing;

namespace NonTax.SocketEdge.Transport;

/// <summary>
/// One short connection from a bank or unit system: (PROXY header when the socket peer is a
/// configured balancer) → one frame, read within bounded size and time → one reply → close.
/// Bytes that cannot become a frame are logged and the connection closed without a reply,
/// because no peer is known to sign one for (docs/protocol.md "Refusals").
/// </summary>
public sealed class BankConnectionHandler(
    IFrameProcessor processor,
    IOptions<EdgeOptions> options,
    EdgeMetrics metrics,
    ILogger<BankConnectionHandler> logger) : ConnectionHandler
{
    private readonly EdgeOptions _options = options.Value;
    private readonly CnnontaxCodec _codec = new(options.Value.MaxFrameBytes);
    private readonly HashSet<IPAddress> _balancers = options.Value.BalancerAddresses.Select(IPAddress.Parse).Select(Normalize).ToHashSet();
    private readonly ConnectionAdmission _admission = new(options.Value.MaxConnections, options.Value.MaxConnectionsPerAddress);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        metrics.ConnectionOpened();
        var socketPeer = connection.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        // A balancer carries every peer's connections: only the total limit applies to it.
        var counted = _balancers.Contains(Normalize(socketPeer.Address)) ? null : Normalize(socketPeer.Address);
        if (!_admission.TryEnter(counted))
        {
            // Nothing is read: a flood costs the edge an accept and a close, never a frame's memory.
            metrics.Refused("connection-limit");
            logger.LogWarning("Connection from {Remote} refused: {Open} connections open, limits {Max} in all and {MaxPerAddress} per address",
                socketPeer, _admission.Open, _options.MaxConnections, _options.MaxConnectionsPerAddress);
            connection.Abort();
            return;
        }

        using var deadline = new CancellationTokenSource(_options.ReadTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, connection.ConnectionClosed);
        var input = connection.Transport.Input;
        IDisposable? balancerScope = null;
        try
        {
            var remote = socketPeer;
            if (_balancers.Contains(Normalize(socketPeer.Address)))
            {
                var proxied = await ReadProxyHeaderAsync(input, socketPeer, linked.Token);
                if (proxied is null)
                {
                    return;
                }

                remote = proxied.Source ?? socketPeer;
                // What the balancer said stays with the connection; its unique id goes into every
                // log line of the connection, so one request can be followed in both logs.
                connection.Items[ProxyHeader.ConnectionItemKey] = proxied;
                if (proxied.UniqueIdHex is { } uniqueId)
                {
                    balancerScope = logger.BeginScope(new Dictionary<string, object> { ["ProxyUniqueId"] = uniqueId });
                }
            }

            var frame = await ReadFrameAsync(input, remote, linked.Token);
            if (frame is null)
            {
                return;
            }

            using var processing = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
            processing.CancelAfter(_options.ProcessingTimeout);
            var reply = await processor.ProcessAsync(frame, remote, processing.Token);
            if (reply is not null)
            {
                await connection.Transport.Output.WriteAsync(reply, connection.ConnectionClosed);
                await connection.Transport.Output.FlushAsync(connection.ConnectionClosed);
            }
        }
        catch (OperationCanceledException) when (!connection.ConnectionClosed.IsCancellationRequested)
        {
            // The whole-request deadline or the idle limit passed: a stalled or trickling sender.
            metrics.Refused("read-timeout");
            logger.LogWarning("Connection from {Remote} stalled before a whole frame arrived; closed", socketPeer);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Connection from {Remote} closed by the peer", socketPeer);
        }
        catch (ConnectionResetException)
        {
            logger.LogInformation("Connection from {Remote} reset by the peer", socketPeer);
        }
        catch (Exception exception)
        {
            // One connection's failure must never take the listener down.
            metrics.Refused("internal-error");
            logger.LogError(exception, "Connection from {Remote} failed", socketPeer);
        }
        finally
        {
            balancerScope?.Dispose();
            _admission.Exit(counted);
            await input.CompleteAsync();
            await connection.Transport.Output.CompleteAsync();
        }
    }

    private async Task<ProxyHeader?> ReadProxyHeaderAsync(PipeReader input, IPEndPoint socketPeer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await ReadWithIdleLimitAsync(input, cancellationToken);
            var buffer = read.Buffer;
            var status = ProxyHeaderParser.TryParseHeader(buffer, out var consumed, out var header);
            if (status == ProxyHeaderStatus.Complete)
            {
                input.AdvanceTo(buffer.GetPosition(consumed));
                return header;
            }

            if (status == ProxyHeaderStatus.Invalid || read.IsCompleted)
            {
                metrics.Refused("proxy-header");
                logger.LogWarning("Balancer connection {Remote} sent no valid PROXY header; closed", socketPeer);
                return null;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async Task<RawFrame?> ReadFrameAsync(PipeReader input, IPEndPoint remote, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await ReadWithIdleLimitAsync(input, cancellationToken);
            var buffer = read.Buffer;
            var result = _codec.TryReadFrame(buffer, out var consumed);
            switch (result.Status)
            {
                case FrameReadStatus.Complete:
                    input.AdvanceTo(consumed);
                    return result.Frame;
                case FrameReadStatus.Invalid:
                    await RefuseUnreadableAsync(remote, result.Error.ToString(), buffer, cancellationToken);
                    return null;
            }

            if (read.IsCompleted)
            {
                if (buffer.Length > 0)
                {
                    await RefuseUnreadableAsync(remote, "truncated", buffer, cancellationToken);
                }

                return null;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads with a limit on silence between segments, on top of the whole-request deadline.</summary>
    private async Task<ReadResult> ReadWithIdleLimitAsync(PipeReader input, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_options.IdleTimeout);
        return await input.ReadAsync(idle.Token);
    }

    private async Task RefuseUnreadableAsync(IPEndPoint remote, string reason, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        metrics.Refused(reason);
        logger.LogWarning("Unreadable bytes from {Remote} ({Reason}); closed without reply", remote, reason);
        var prefix = buffer.Slice(0, Math.Min(buffer.Length, 512)).ToArray();
        await processor.RecordUnreadableAsync(remote, reason, prefix, cancellationToken);
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
