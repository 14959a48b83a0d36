using Microsoft.Extensions.Options;
using NonTax.Infrastructure.Messages;

namespace NonTax.SocketEdge.Maintenance;

/// <summary>
/// Forgets stored replies for (SRC, MsgID) once they are older than <see cref="EdgeOptions.ReplyRetention"/>
/// (never less than <see cref="MinimumRetention"/>, the spec's floor): at start, then every
/// <see cref="EdgeOptions.ReplyPruneInterval"/>. Every edge node may run it; the DELETE is
/// idempotent, so running it on several nodes only repeats harmless work. The message archive is
/// not pruned here.
/// </summary>
public sealed class ReplyPruningService(
    MessageJournal journal,
    IOptions<EdgeOptions> options,
    TimeProvider time,
    ILogger<ReplyPruningService> logger) : BackgroundService
{
    /// <summary>docs/protocol.md "Idempotency": keys are kept at least 30 days.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(30);

    /// <summary>The retention actually applied: the configured one, raised to the floor if set lower.</summary>
    public static TimeSpan EffectiveRetention(TimeSpan configured) => configured < MinimumRetention ? MinimumRetention : configured;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = EffectiveRetention(options.Value.ReplyRetention);
        if (retention != options.Value.ReplyRetention)
        {
            logger.LogWarning("Edge:ReplyRetention {Configured} is below the protocol's {Minimum}; keeping replies {Minimum}",
                options.Value.ReplyRetention, MinimumRetention, MinimumRetention);
        }

        using var timer = new PeriodicTimer(options.Value.ReplyPruneInterval, time);
        do
        {
            await PruneOnceAsync(retention, stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task PruneOnceAsync(TimeSpan retention, CancellationToken stoppingToken)
    {
        try
        {
            var removed = await journal.PruneRepliesAsync(retention, stoppingToken);
            logger.LogInformation("Pruned {Count} stored replies older than {Retention}", removed, retention);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database may be briefly away; the next round prunes what this one missed.
            logger.LogWarning(exception, "Pruning stored replies failed; will try again next round");
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
