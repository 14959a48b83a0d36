namespace NonTax.Grains.Abstractions.Journal;

/// <summary>
/// Records facts that belong to no grain state write — an alert raised by a scheduled check, a
/// file received at the edge of a reminder-driven grain — with the same projections a grain write
/// gets, in one transaction. A fact that changes a grain's state must instead go through that
/// grain's <see cref="JournalBuffer"/>, so the fact exists exactly when the change does.
/// Recording the same fact id again inserts nothing.
/// </summary>
public interface IFactJournal
{
    Task RecordAsync(IReadOnlyList<BusinessFact> facts, CancellationToken cancellationToken = default);
}
