using NonTax.Grains.Abstractions.Notices;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>
/// Due rows of <c>nontax.pending_handovers</c> (0420_pending_handovers.sql), paged by payment code
/// over the primary key. Age is measured by the database's clock, which also stamped the rows, so
/// silo clocks do not matter.
/// </summary>
public sealed class PendingHandOverQuery(NpgsqlDataSource dataSource) : IPendingHandOverSource
{
    private const string DueSql = """
        SELECT pay_code FROM nontax.pending_handovers
         WHERE due_at <= now() - $1 AND ($2::text IS NULL OR pay_code > $2)
         ORDER BY pay_code
         LIMIT $3
        """;

    public async Task<IReadOnlyList<string>> ReadDueAsync(TimeSpan grace, string? after, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DueSql);
        command.Parameters.Add(new NpgsqlParameter { Value = grace, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }
}
