namespace NonTax.Persistence.Storage;

/// <summary>Tuning of the grouped activation reads.</summary>
public sealed class StateReadBatcherOptions
{
    public const string SectionName = "Storage:Reads";

    /// <summary>
    /// Reader loops, each with one query in flight: more than one so that a slow read (a large
    /// state, a cold page) does not hold every activation behind it.
    /// </summary>
    public int Readers { get; set; } = 4;

    /// <summary>Most keys read by one query.</summary>
    public int MaxKeysPerQuery { get; set; } = 256;
}
