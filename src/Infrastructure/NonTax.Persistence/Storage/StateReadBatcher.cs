using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Persistence.Storage;

/// <summary>
/// Grouped activation reads: every grain of the process that activates puts its key in one queue,
/// and a few reader loops each take whatever is queued and read it with one query. A burst of
/// activations — banks confirming notices issued days ago, whose grains idle collection has
/// deactivated — then costs a handful of round trips instead of one per grain
/// (docs/performance.md, "A million notices stored").
/// </summary>
public sealed class StateReadBatcher : IAsyncDisposable
{
    // WITH ORDINALITY keeps each request's position, so a key asked for twice is answered twice.
    private const string ReadSql = """
        SELECT r.n, s.version, s.payload
          FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(grain_type, grain_id, state_name, n)
          JOIN nontax.grain_state s
            ON s.grain_type = r.grain_type AND s.grain_id = r.grain_id AND s.state_name = r.state_name
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly StateReadBatcherOptions _options;
    private readonly ILogger<StateReadBatcher> _logger;
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>();
    private readonly Task[] _readers;

    public StateReadBatcher(NpgsqlDataSource dataSource, IOptions<StateReadBatcherOptions> options, ILogger<StateReadBatcher> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _logger = logger;
        _readers = Enumerable.Range(0, Math.Max(1, _options.Readers)).Select(_ => Task.Run(ReadLoopAsync)).ToArray();
    }

    /// <summary>The stored row of <paramref name="key"/>, or null when the grain has none.</summary>
    internal Task<StoredState?> ReadAsync(GrainStateKey key)
    {
        var request = new Request(key);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(StateReadBatcher), "The state readers have stopped.");
        }

        return request.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_readers);
    }

    private async Task ReadLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Request>(_options.MaxKeysPerQuery);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _options.MaxKeysPerQuery && reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await ReadBatchAsync(batch);
            }
            catch (Exception ex)
            {
                // The activations fail (Orleans retries them on the next call); the loop keeps serving.
                _logger.LogError(ex, "Reading {KeyCount} grain states failed", batch.Count);
                foreach (var request in batch)
                {
                    request.Completion.TrySetException(ex);
                }
            }
        }
    }

    private async Task ReadBatchAsync(List<Request> batch)
    {
        var found = new StoredState?[batch.Count];
        await using (var command = _dataSource.CreateCommand(ReadSql))
        {
            command.Parameters.Add(Texts(batch, r => r.Key.GrainType));
            command.Parameters.Add(Texts(batch, r => r.Key.GrainId));
            command.Parameters.Add(Texts(batch, r => r.Key.StateName));
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                found[rows.GetInt64(0) - 1] = new StoredState(rows.GetInt64(1), rows.GetFieldValue<byte[]>(2));
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(found[i]);
        }
    }

    private static NpgsqlParameter Texts(List<Request> batch, Func<Request, string> part) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = batch.Select(part).ToArray() };

    private sealed record Request(GrainStateKey Key)
    {
        public TaskCompletionSource<StoredState?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
