namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>
/// The relational side of reconciliation, implemented over SQL on the silo: the banks' stored
/// files, the comparison (run entirely inside PostgreSQL, so no day is ever loaded into a silo)
/// and the differences it writes. The day grain decides when to call it; every call is idempotent
/// for the same run number.
/// </summary>
public interface IReconciliationStore
{
    /// <summary>The stored files of a bank's day, one per message kind.</summary>
    Task<IReadOnlyList<StoredFile>> ReadFilesAsync(ReconciliationDay day, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compares the stored file <paramref name="msgNo"/> of <paramref name="day"/> with the system's
    /// records as run <paramref name="run"/>, writing its differences; repeating the same run
    /// changes nothing.
    /// </summary>
    Task<ComparisonSummary> CompareAsync(ReconciliationDay day, string msgNo, int run, CancellationToken cancellationToken = default);

    /// <summary>
    /// The differences run <paramref name="run"/> found in file <paramref name="msgNo"/> (open or resolved), by id after
    /// <paramref name="afterId"/>, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<ReconciliationDifference>> ReadRunDifferencesAsync(ReconciliationDay day, string msgNo, int run, long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>One difference of <paramref name="day"/>; null when it has no such id.</summary>
    Task<ReconciliationDifference?> FindDifferenceAsync(ReconciliationDay day, long differenceId, CancellationToken cancellationToken = default);

    /// <summary>Forgets the day's pending mark if no batch arrived after <paramref name="throughSeq"/>.</summary>
    Task ClearPendingAsync(ReconciliationDay day, long throughSeq, CancellationToken cancellationToken = default);

    /// <summary>Days with a pending mark older than <paramref name="grace"/> (by the database's clock).</summary>
    Task<IReadOnlyList<ReconciliationDay>> ReadPendingAsync(TimeSpan grace, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The banks expected to send a 2555 for <paramref name="businessDay"/>: every enabled agent or clearing bank and payment platform.
    /// </summary>
    Task<IReadOnlyList<string>> ReadExpectedBanksAsync(DateOnly businessDay, CancellationToken cancellationToken = default);
}
