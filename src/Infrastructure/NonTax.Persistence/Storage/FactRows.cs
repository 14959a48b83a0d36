using NonTax.Grains.Abstractions.Journal;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Persistence.Storage;

/// <summary>
/// The rows one business fact writes: the fact itself in <c>business_facts</c> and whatever the
/// projectors that handle its kind add. A grain write and a direct journal entry write exactly the
/// same rows, so a report never depends on which path recorded a fact.
/// </summary>
internal static class FactRows
{
    private const string FactSql = """
        INSERT INTO nontax.business_facts (fact_id, kind, subject, occurred_at, payload)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (fact_id) DO NOTHING
        """;

    public static void Add(NpgsqlBatch batch, BusinessFact fact, IReadOnlyList<IFactProjector> projectors)
    {
        var command = new NpgsqlBatchCommand(FactSql);
        command.Parameters.Add(new NpgsqlParameter { Value = fact.FactId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = fact.Kind, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = fact.Subject, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = fact.OccurredAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = fact.PayloadJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        batch.BatchCommands.Add(command);

        foreach (var projector in projectors)
        {
            if (projector.Handles(fact.Kind))
            {
                projector.AddCommands(batch, fact);
            }
        }
    }
}
