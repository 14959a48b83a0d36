using NonTax.Grains.Abstractions.Journal;
using Npgsql;

namespace NonTax.Persistence.Storage;

/// <summary>
/// <see cref="IFactJournal"/> for facts outside a grain write: one transaction holds the facts and
/// their projected rows, so an alert either exists with its fact or not at all. Facts are
/// idempotent on their id, so a caller that retries after an unknown outcome adds nothing.
/// </summary>
public sealed class DirectFactJournal(NpgsqlDataSource dataSource, IEnumerable<IFactProjector> projectors) : IFactJournal
{
    private readonly IFactProjector[] _projectors = projectors.ToArray();

    public async Task RecordAsync(IReadOnlyList<BusinessFact> facts, CancellationToken cancellationToken = default)
    {
        if (facts.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var fact in facts)
        {
            FactRows.Add(batch, fact, _projectors);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
