using Npgsql;

namespace NonTax.Infrastructure.Storage;

/// <summary>
/// The silo-wide (or process-wide) group-commit writer. Commands handed to it are committed
/// together with everyone else's pending writes in one transaction, a few milliseconds later.
/// Use it for rows that must be durable but need not be committed alone, e.g. archiving messages.
/// </summary>
public interface ICommitBatcher
{
    /// <summary>
    /// Queues the commands <paramref name="addCommands"/> adds and completes once they are committed.
    /// If they fail, the task faults and nothing of them is committed.
    /// </summary>
    Task CommitAsync(Action<NpgsqlBatch> addCommands, CancellationToken cancellationToken = default);
}
