using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Projection;
using NonTax.Persistence.Storage;
using Npgsql;

namespace NonTax.Integration.Tests.Projection;

/// <summary>
/// Test access to the projection tables: a fingerprint of their content, and replaying stored
/// business facts through the registered projectors.
/// </summary>
internal static class ProjectionTables
{
    public static readonly string[] Names =
    [
        "notices", "notice_lines", "payment_confirmations", "technical_refunds",
        "unit_blocks", "base_data_changes", "outbound_messages", "alerts",
    ];

    public static IReadOnlyList<IFactProjector> Projectors { get; } =
        new ServiceCollection().AddNonTaxProjections().BuildServiceProvider().GetServices<IFactProjector>().ToArray();

    /// <summary>Every row of every projection table, as text, in a stable order.</summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        var rows = new List<string>();
        foreach (var table in Names)
        {
            await using var command = new NpgsqlCommand($"SELECT t::text FROM nontax.{table} t ORDER BY 1", connection, transaction);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add($"{table}: {reader.GetString(0)}");
            }
        }

        return rows;
    }

    /// <summary>Every stored business fact, oldest first.</summary>
    public static async Task<IReadOnlyList<BusinessFact>> StoredFactsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(
            "SELECT fact_id, kind, subject, occurred_at, payload::text FROM nontax.business_facts ORDER BY occurred_at, fact_id", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        var facts = new List<BusinessFact>();
        while (await reader.ReadAsync())
        {
            facts.Add(new BusinessFact(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
        }

        return facts;
    }

    /// <summary>Runs every projector that handles each fact, as the storage does inside a grain write.</summary>
    public static async Task ProjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<BusinessFact> facts)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var fact in facts)
        {
            foreach (var projector in Projectors.Where(p => p.Handles(fact.Kind)))
            {
                projector.AddCommands(batch, fact);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Replays every stored fact (in the given order) on top of the current tables and returns the
    /// tables before and after; rolled back, and with the tables locked against the running system
    /// so nothing else changes them in between.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Before, IReadOnlyList<string> After)> ReplayAllAsync(
        string connectionString, Func<IReadOnlyList<BusinessFact>, IEnumerable<BusinessFact>> order)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockTables = new NpgsqlCommand(
            $"LOCK TABLE {string.Join(", ", Names.Select(n => "nontax." + n))}, nontax.business_facts IN SHARE ROW EXCLUSIVE MODE",
            connection, transaction))
        {
            await lockTables.ExecuteNonQueryAsync();
        }

        var before = await SnapshotAsync(connection, transaction);
        var facts = await StoredFactsAsync(connection, transaction);
        await ProjectAsync(connection, transaction, order(facts));
        var after = await SnapshotAsync(connection, transaction);
        await transaction.RollbackAsync();
        return (before, after);
    }
}
