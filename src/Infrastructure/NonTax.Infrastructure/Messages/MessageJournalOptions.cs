namespace NonTax.Infrastructure.Messages;

/// <summary>Configuration section <c>MessageJournal</c>: tuning of the journal's group commit.</summary>
public sealed class MessageJournalOptions
{
    public const string SectionName = "MessageJournal";

    /// <summary>
    /// Most exchanges written in one transaction, and most stored-reply lookups answered by one
    /// query. Under load the queue fills while the previous batch commits, so this bounds the
    /// size (and the latency) of one round, not how often rounds happen.
    /// </summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// Batches of each kind (writes, lookups) in flight at once. One keeps batches largest; a
    /// second lets the next batch start while one commits, which shortens the wait when the
    /// database or the machine is slow to schedule a single writer.
    /// </summary>
    public int ConcurrentBatches { get; set; } = 2;

    /// <summary>
    /// How long the writer waits for more exchanges after the first one arrives, when fewer than
    /// <see cref="MaxBatchSize"/> are queued. Zero (the default) adds no latency when idle; under
    /// load whatever queued during the previous commit already shares the next one.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.Zero;
}
