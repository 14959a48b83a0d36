using Microsoft.AspNetCore.SignalR;
using NonTax.Protocol.Time;
using Npgsql;

namespace NonTax.Frontend.Wall;

/// <summary>
/// Keeps the monitoring wall current: LISTENs on the channel the silos' commit writer NOTIFYs
/// after each batch of facts (NonTax.Persistence's FactNotification, channel <c>nontax_facts</c>),
/// re-reads the figures from the relational projection and pushes them to every screen through
/// <see cref="WallHub"/>. It depends on PostgreSQL only, so the wall stays live while silos come
/// and go; a lost connection is re-opened and followed by a fresh snapshot, since notifications
/// sent meanwhile are not replayed.
/// </summary>
public sealed class WallFeed(NpgsqlDataSource dataSource, IHubContext<WallHub> hub, TimeProvider clock, ILogger<WallFeed> logger) : BackgroundService
{
    public const string Channel = "nontax_facts";

    // Facts that change a figure on the wall; others (issues, deliveries) are ignored.
    private static readonly string[] Relevant = ["notice.confirmed", "notice.duplicate", "alert", "outbound.dead", "unit.blocked", "unit.unblocked", "refund."];

    // Coalesces a burst of commits into one re-read.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private int _dirty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Monitoring wall lost its database listener: {Reason}; reconnecting", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            if (e.Payload == "*" || e.Payload.Split(',').Any(k => Relevant.Any(r => k.StartsWith(r, StringComparison.Ordinal))))
            {
                Interlocked.Exchange(ref _dirty, 1);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever happened while not listening.
        await PushAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Returns on a notification or after the timeout; the timeout also refreshes the
            // per-minute window as the clock moves on.
            await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
            // Notifications arriving while settling set the same flag; the next wait returns at once for them.
            await Task.Delay(Settle, stoppingToken);
            if (Interlocked.Exchange(ref _dirty, 0) == 1)
            {
                await PushAsync(stoppingToken);
            }
        }
    }

    private async Task PushAsync(CancellationToken cancellationToken) =>
        await hub.Clients.All.SendAsync(WallHub.SnapshotMethod, await CurrentAsync(cancellationToken), cancellationToken);

    public async Task<WallSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var minutes = new List<WallMinute>();
        var byBank = new List<WallTotal>();
        var byChannel = new List<WallTotal>();
        var alerts = new List<WallAlert>();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("""
            SELECT to_char(date_trunc('minute', recorded_at AT TIME ZONE 'UTC' + interval '8 hours'), 'HH24:MI'), count(*), coalesce(sum(amount), 0)
              FROM nontax.payment_confirmations
             WHERE outcome = 'revenue' AND recorded_at >= $1
             GROUP BY 1 ORDER BY 1
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = now.AddMinutes(-15).UtcDateTime });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                minutes.Add(new WallMinute(reader.GetString(0), (int)reader.GetInt64(1), reader.GetDecimal(2)));
            }
        }

        await ReadTotalsAsync(connection, "src", today, byBank, cancellationToken);
        await ReadTotalsAsync(connection, "coalesce(pay_mode, '-')", today, byChannel, cancellationToken);

        await using (var command = new NpgsqlCommand("""
            SELECT kind, subject, what, raised_at FROM nontax.alerts
             WHERE acknowledged_at IS NULL ORDER BY raised_at DESC LIMIT 20
            """, connection))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                alerts.Add(new WallAlert(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        return new WallSnapshot(now, minutes, byBank, byChannel, byBank.Sum(b => b.Count), byBank.Sum(b => b.Amount), alerts);
    }

    private static async Task ReadTotalsAsync(NpgsqlConnection connection, string key, DateOnly today, List<WallTotal> totals, CancellationToken cancellationToken)
    {
        // key is one of two fixed column expressions above, never user input.
        await using var command = new NpgsqlCommand($"""
            SELECT {key}, count(*), coalesce(sum(amount), 0)
              FROM nontax.payment_confirmations
             WHERE outcome = 'revenue' AND cfm_date = $1
             GROUP BY 1 ORDER BY 3 DESC
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = today });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new WallTotal(reader.GetString(0), (int)reader.GetInt64(1), reader.GetDecimal(2)));
        }
    }
}
