using System.Diagnostics.Metrics;

namespace NonTax.Infrastructure.Messages;

/// <summary>
/// How well the journal's group commit shares its work: batch sizes as histograms for
/// dashboards, and running totals that tests and benchmarks read.
/// </summary>
public sealed class MessageJournalMetrics : IDisposable
{
    public const string MeterName = "NonTax.MessageJournal";
    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<int> _writeBatchSize;
    private readonly Histogram<int> _lookupBatchSize;
    private long _writeBatches;
    private long _exchangesWritten;
    private long _lookupBatches;
    private long _lookupsAnswered;

    public MessageJournalMetrics()
    {
        _writeBatchSize = _meter.CreateHistogram<int>("nontax.journal.write_batch_size", "{exchange}", "Exchanges committed in one transaction");
        _lookupBatchSize = _meter.CreateHistogram<int>("nontax.journal.lookup_batch_size", "{lookup}", "Stored-reply lookups answered by one query");
    }

    /// <summary>Transactions committed by the writer.</summary>
    public long WriteBatches => Interlocked.Read(ref _writeBatches);

    /// <summary>Exchanges (frames, and a stored reply when final) committed by those transactions.</summary>
    public long ExchangesWritten => Interlocked.Read(ref _exchangesWritten);

    /// <summary>Queries run for stored-reply lookups.</summary>
    public long LookupBatches => Interlocked.Read(ref _lookupBatches);

    /// <summary>Lookups answered by those queries.</summary>
    public long LookupsAnswered => Interlocked.Read(ref _lookupsAnswered);

    internal void Written(int exchanges)
    {
        Interlocked.Increment(ref _writeBatches);
        Interlocked.Add(ref _exchangesWritten, exchanges);
        _writeBatchSize.Record(exchanges);
    }

    internal void LookedUp(int lookups)
    {
        Interlocked.Increment(ref _lookupBatches);
        Interlocked.Add(ref _lookupsAnswered, lookups);
        _lookupBatchSize.Record(lookups);
    }

    public void Dispose() => _meter.Dispose();
}
