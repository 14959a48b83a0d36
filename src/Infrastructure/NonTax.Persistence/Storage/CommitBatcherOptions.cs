namespace NonTax.Persistence.Storage;

/// <summary>Tuning of the group-commit writer.</summary>
public sealed class CommitBatcherOptions
{
    public const string SectionName = "Storage:Batch";

    /// <summary>Most units (grain writes or generic command sets) committed in one transaction.</summary>
    public int MaxUnitsPerBatch { get; set; } = 256;

    /// <summary>
    /// How long the writer waits for more units after the first one arrives, when fewer than
    /// <see cref="MaxUnitsPerBatch"/> are queued. Zero is plain group commit: whatever queued up
    /// while the previous transaction was committing goes into the next one, which under load
    /// already batches well and adds no latency when idle.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.Zero;
}
