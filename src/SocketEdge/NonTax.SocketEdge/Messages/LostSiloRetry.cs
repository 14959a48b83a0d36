using System.Data.Common;
using System.Net.Sockets;

namespace NonTax.SocketEdge.Messages;

/// <summary>
/// Runs an idempotent handler again when the cluster lost the silo that held (or was reached for)
/// its grain: a dead gateway, a call rejected because its target silo is gone, a call that timed
/// out (the client's <c>ResponseTimeout</c>) or a grain whose storage write failed with the
/// database. Attempts start until <see cref="EdgeOptions.LostSiloRetryBudget"/> has passed since
/// the first, with a short back-off between them, so a bank is given the stored outcome (a
/// confirmation's <c>00000</c>/<c>10006</c>, found by its business key) once membership has
/// declared the silo dead and the grain lives on a survivor, instead of <c>99999</c>. A handler
/// that is not idempotent runs once, as before. Any handler first waits (within the same budget)
/// while the node is not connected to the cluster (just started, or every gateway lost): nothing
/// was sent yet, so waiting is safe for every message. docs/operations.md "Cluster timeouts".
/// </summary>
public sealed class LostSiloRetry(EdgeOptions options, TimeProvider time, ILogger logger, Func<bool>? isConnected = null)
{
    public async Task<HandlerOutcome> RunAsync(IMessageHandler handler, InboundRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var delay = options.LostSiloRetryDelay;
        while (isConnected is not null && !isConnected() && time.GetElapsedTime(started) + delay < options.LostSiloRetryBudget)
        {
            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.LostSiloRetryMaxDelay.Ticks));
        }

        if (!handler.IsIdempotent)
        {
            return await handler.HandleAsync(request, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await handler.HandleAsync(request, cancellationToken);
            }
            catch (Exception exception) when (IsLostSilo(exception)
                && time.GetElapsedTime(started) + delay < options.LostSiloRetryBudget
                && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("{MsgNo} {MsgId} from {Peer}: attempt {Attempt} failed ({Error}); retrying on the cluster's survivors",
                    request.Head.MsgNo, request.Head.MsgId, request.Peer.NodeCode, attempt, exception.GetType().Name);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.LostSiloRetryMaxDelay.Ticks));
        }
    }

    /// <summary>
    /// Failures that say "the silo or the database went away", never "this request is wrong": those
    /// answer the same however often they are tried. Inner exceptions are searched too, since a
    /// grain's storage failure may arrive wrapped.
    /// </summary>
    public static bool IsLostSilo(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
                or GatewayTooBusyException or ClientNotAvailableException or SocketException or DbException
                || e.GetType().FullName is { } name && (name.StartsWith("Npgsql.", StringComparison.Ordinal) || name.EndsWith("ConnectionFailedException", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
