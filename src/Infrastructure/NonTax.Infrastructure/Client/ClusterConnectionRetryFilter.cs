using Microsoft.Extensions.Logging;

namespace NonTax.Infrastructure.Client;

/// <summary>
/// Keeps trying to reach the cluster while the silos start (or restart): a client host must come
/// up and report itself unhealthy rather than exit because no gateway answered yet.
/// </summary>
public sealed class ClusterConnectionRetryFilter(ILogger<ClusterConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        logger.LogWarning("Cluster not reachable yet (attempt {Attempt}): {Reason}; retrying in {Delay}",
            attempt, exception.Message, RetryDelay);
        try
        {
            await Task.Delay(RetryDelay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
