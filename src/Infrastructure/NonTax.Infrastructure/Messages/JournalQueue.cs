using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NonTax.Infrastructure.Messages;

/// <summary>
/// Many callers, few loops: requests queue in a channel; a loop takes whatever is queued (up to
/// the batch size) and hands it to <c>process</c> as one batch, so a database round trip or
/// commit is shared by every connection that asked meanwhile. With more than one loop, a second
/// batch can be on its way while the first commits. No delay when idle: a lone request is
/// processed at once. If the server refuses a batch, its requests are processed again one by one,
/// so one bad request fails only its own caller.
/// </summary>
internal sealed class JournalQueue<TRequest> where TRequest : PendingJournalRequest
{
    private readonly Channel<TRequest> _channel = Channel.CreateUnbounded<TRequest>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Func<IReadOnlyList<TRequest>, Task> _process;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _maxDelay;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly Task _loops;

    /// <param name="process">
    /// Does the work of a batch and completes its requests once the work is durable. Throws, with
    /// no request completed, when the batch as a whole failed.
    /// </param>
    public JournalQueue(string name, int loops, int maxBatchSize, TimeSpan maxDelay, Func<IReadOnlyList<TRequest>, Task> process, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(loops, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _name = name;
        _maxBatchSize = maxBatchSize;
        _maxDelay = maxDelay;
        _process = process;
        _logger = logger;
        _loops = Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(RunAsync)));
    }

    public Task<StoredReply?> Enqueue(TRequest request)
    {
        if (!_channel.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(MessageJournal), $"The message journal's {_name} queue has stopped.");
        }

        return request.Completion;
    }

    /// <summary>Takes no more requests and returns once every queued one is done.</summary>
    public Task DrainAsync()
    {
        _channel.Writer.TryComplete();
        return _loops;
    }

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<TRequest>(_maxBatchSize);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            Take(reader, batch);
            if (_maxDelay > TimeSpan.Zero && batch.Count < _maxBatchSize)
            {
                await Task.Delay(_maxDelay);
                Take(reader, batch);
            }

            await ProcessIsolatedAsync(batch);
        }
    }

    private void Take(ChannelReader<TRequest> reader, List<TRequest> batch)
    {
        while (batch.Count < _maxBatchSize && reader.TryRead(out var request))
        {
            batch.Add(request);
        }
    }

    private async Task ProcessIsolatedAsync(List<TRequest> batch)
    {
        try
        {
            await _process(batch);
            return;
        }
        catch (PostgresException exception) when (batch.Count > 1)
        {
            // The server refused something in the batch: find out whose it is.
            _logger.LogWarning(exception, "Message journal {Queue} batch of {Count} failed; processing them one by one", _name, batch.Count);
        }
        catch (Exception exception)
        {
            // Database unreachable or the outcome unknown: retrying each alone would only wait out
            // a connection timeout per request. Every caller fails; its bank resends.
            _logger.LogError(exception, "Message journal {Queue} batch of {Count} failed", _name, batch.Count);
            foreach (var request in batch)
            {
                request.Fail(exception);
            }

            return;
        }

        foreach (var request in batch)
        {
            try
            {
                await _process([request]);
            }
            catch (Exception exception)
            {
                request.Fail(exception);
            }
        }
    }
}
