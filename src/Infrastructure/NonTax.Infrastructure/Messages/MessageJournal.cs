using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NonTax.Infrastructure.Messages;

/// <summary>
/// The edge's durable memory: every frame in and out (message_archive) and the reply given to
/// each (SRC, MsgID) (inbound_replies). A request's archive rows and its stored reply are written
/// in one transaction before the reply leaves, so an acknowledged message is never forgotten.
/// <para>
/// Group commit: exchanges from every connection of the process queue up and a writer commits
/// whatever is queued in one transaction; stored-reply lookups are likewise answered many per
/// query. So the database sees one commit per round, not one per message, and each caller still
/// returns only once its own rows are durable. Disposing drains both queues.
/// </para>
/// </summary>
public sealed class MessageJournal : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly JournalQueue<PendingExchange> _writes;
    private readonly JournalQueue<PendingLookup> _lookups;
    private int _disposed;

    public MessageJournal(NpgsqlDataSource dataSource, IOptions<MessageJournalOptions>? options = null, ILogger<MessageJournal>? logger = null)
    {
        _dataSource = dataSource;
        var settings = options?.Value ?? new MessageJournalOptions();
        var log = (ILogger?)logger ?? NullLogger.Instance;
        var writer = new ExchangeBatchWriter(dataSource, Metrics);
        var reader = new ReplyLookupReader(dataSource, Metrics);
        _writes = new JournalQueue<PendingExchange>("write", settings.ConcurrentBatches, settings.MaxBatchSize, settings.MaxDelay, writer.WriteAsync, log);

        // Lookups never wait on purpose: the bank is waiting for the business answer behind them.
        _lookups = new JournalQueue<PendingLookup>("lookup", settings.ConcurrentBatches, settings.MaxBatchSize, TimeSpan.Zero, reader.ReadAsync, log);
    }

    /// <summary>Batch counts and sizes, for dashboards, tests and benchmarks.</summary>
    public MessageJournalMetrics Metrics { get; } = new();

    public Task<StoredReply?> FindReplyAsync(string src, string msgId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _lookups.Enqueue(new PendingLookup(new ReplyKey(src, msgId))).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Archives the request and its reply and stores the reply for (src, msgId). If another edge
    /// node stored a reply for the same key first, that one wins and is returned, so both nodes
    /// answer a resend alike. Returns <paramref name="toStore"/> itself when it is what is stored
    /// and null when nothing was to be stored.
    /// </summary>
    /// <remarks>Not cancellable once queued: the caller's reply must not leave before this completes.</remarks>
    public Task<StoredReply?> RecordExchangeAsync(ArchivedFrame request, ArchivedFrame? reply, string? src, string? msgId, StoredReply? toStore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArchivedFrame[] frames = reply is null ? [request] : [request, reply];
        var key = src is not null && msgId is not null ? new ReplyKey(src, msgId) : (ReplyKey?)null;
        return _writes.Enqueue(new PendingExchange(frames, key, toStore));
    }

    /// <summary>Archives frames that never became a request (unreadable bytes, unknown peers) or outbound ones.</summary>
    public async Task ArchiveAsync(ArchivedFrame frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _writes.Enqueue(new PendingExchange([frame], null, null)).WaitAsync(cancellationToken);
    }

    /// <summary>Forgets stored replies older than the retention (at least 30 days by the spec); the archive itself stays.</summary>
    public async Task<int> PruneRepliesAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM nontax.inbound_replies WHERE created_at < now() - $1");
        command.Parameters.AddWithValue(retention);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes no more work and returns once everything queued is committed or failed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Task.WhenAll(_writes.DrainAsync(), _lookups.DrainAsync());
        Metrics.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
