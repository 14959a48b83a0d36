namespace NonTax.Grains.Abstractions.Units;

/// <summary>
/// Reads a unit's backlog for the monitoring rules (监控) from where per-notice rows live — the
/// relational projection on a silo — instead of from the unit's own state.
/// </summary>
public interface IUnitMonitoringSource
{
    /// <param name="unitCode">The collecting unit.</param>
    /// <param name="countedAfter">
    /// The unit's clearing watermark: open notices issued, and un-remitted notices paid, at or
    /// before this instant are left out of the <c>OldestCounted…</c> fields (they still count in
    /// the totals). Null counts every notice.
    /// </param>
    Task<UnitBacklog> ReadAsync(string unitCode, DateTimeOffset? countedAfter, CancellationToken cancellationToken = default);
}
