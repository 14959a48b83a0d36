using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NonTax.Persistence.Storage;

/// <summary>
/// Group commit: every writer of the process puts its unit in one queue; a single loop takes
/// whatever is queued (up to <see cref="CommitBatcherOptions.MaxUnitsPerBatch"/>), sends it as one
/// <see cref="NpgsqlBatch"/> in one transaction, and completes the units after the commit. So the
/// database sees one commit (one WAL flush) for many grains' writes.
/// <para>
/// When a SQL guard rejects a unit (stale version, claim held by another owner) the transaction is
/// rolled back, that unit alone fails and the others are sent again. Any other error makes the
/// writer retry each unit on its own transaction so one bad unit cannot fail its neighbours.
/// </para>
/// </summary>
public sealed class CommitBatcher : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly CommitBatcherOptions _options;
    private readonly ILogger<CommitBatcher> _logger;
    private readonly Channel<CommitUnit> _queue = Channel.CreateUnbounded<CommitUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public CommitBatcher(NpgsqlDataSource dataSource, IOptions<CommitBatcherOptions> options, ILogger<CommitBatcher> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    internal Task Enqueue(CommitUnit unit)
    {
        if (!_queue.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(CommitBatcher), "The commit writer has stopped.");
        }

        return unit.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        // Drain: units queued before shutdown are still committed.
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<CommitUnit>(_options.MaxUnitsPerBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            Drain(reader, batch);
            if (_options.MaxDelay > TimeSpan.Zero && batch.Count < _options.MaxUnitsPerBatch)
            {
                await Task.Delay(_options.MaxDelay);
                Drain(reader, batch);
            }

            try
            {
                await CommitWithIsolationAsync(batch);
            }
            catch (Exception ex)
            {
                // Never let the loop die: fail what is left and keep serving.
                _logger.LogError(ex, "Commit writer failed a batch of {UnitCount} units", batch.Count);
                foreach (var unit in batch)
                {
                    unit.Fail(ex);
                }
            }
        }
    }

    private void Drain(ChannelReader<CommitUnit> reader, List<CommitUnit> batch)
    {
        while (batch.Count < _options.MaxUnitsPerBatch && reader.TryRead(out var unit))
        {
            batch.Add(unit);
        }
    }

    private async Task CommitWithIsolationAsync(List<CommitUnit> units)
    {
        var pending = new List<CommitUnit>(units);
        while (pending.Count > 0)
        {
            try
            {
                await CommitOnceAsync(pending);
                Completed(pending);
                return;
            }
            catch (PostgresException ex) when (CommitGuardViolation.TryParse(ex, out var violation) && violation.UnitNumber < pending.Count)
            {
                var rejected = pending[violation.UnitNumber];
                pending.RemoveAt(violation.UnitNumber);
                rejected.Fail(rejected.ToFailure(violation));
            }
            catch (Exception ex) when (pending.Count > 1 && ex is NpgsqlException or InvalidOperationException or ArgumentException)
            {
                _logger.LogWarning(ex, "Batch of {UnitCount} units failed; committing them one by one", pending.Count);
                await CommitOneByOneAsync(pending);
                return;
            }
            catch (Exception ex)
            {
                pending[0].Fail(ex);
                return;
            }
        }
    }

    private async Task CommitOneByOneAsync(List<CommitUnit> units)
    {
        foreach (var unit in units)
        {
            try
            {
                await CommitOnceAsync([unit]);
                Completed([unit]);
            }
            catch (PostgresException ex) when (CommitGuardViolation.TryParse(ex, out var violation))
            {
                unit.Fail(unit.ToFailure(violation));
            }
            catch (Exception ex)
            {
                unit.Fail(ex);
            }
        }
    }

    private async Task CommitOnceAsync(List<CommitUnit> units)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < units.Count; i++)
        {
            units[i].AddCommands(batch, i);
        }

        if (FactNotification.For(units.SelectMany(u => u.FactKinds)) is { } notify)
        {
            batch.BatchCommands.Add(notify);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private void Completed(List<CommitUnit> units)
    {
        foreach (var unit in units)
        {
            unit.Succeed();
        }
    }
}
