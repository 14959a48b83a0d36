using NonTax.Grains.Abstractions.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>
/// Read-only reconciliation views for staff (operator API, web pages): the days of a business day
/// from <c>reconciliation_days</c>, a day's differences from <c>reconciliation_differences</c>.
/// </summary>
public sealed class ReconciliationQueries(NpgsqlDataSource dataSource)
{
    /// <summary>One screen's worth of differences per call; page with <c>afterId</c>.</summary>
    public const int MaxDifferences = 1000;

    private const string DaysSql = """
        SELECT bank_node, business_day, status, files_compared, open_differences, resolved_differences, file_missing_alerted, opened_at, updated_at
          FROM nontax.reconciliation_days
         WHERE business_day = $1
         ORDER BY bank_node
        """;

    private const string DifferencesSql = """
        SELECT difference_id, msg_no, record_key, diff_type, field, pay_code, tra_no_bus, bank_value, finance_value, status, last_run,
               resolution, resolution_note, resolved_by, resolved_at
          FROM nontax.reconciliation_differences
         WHERE bank_node = $1 AND business_day = $2 AND ($3::text IS NULL OR status = $3) AND difference_id > $4
         ORDER BY difference_id
         LIMIT $5
        """;

    public async Task<IReadOnlyList<ReconciliationDayRow>> DaysAsync(DateOnly businessDay, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DaysSql);
        command.Parameters.Add(new NpgsqlParameter { Value = businessDay, NpgsqlDbType = NpgsqlDbType.Date });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReconciliationDayRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReconciliationDayRow(
                reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.GetBoolean(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<ReconciliationDifference>> DifferencesAsync(ReconciliationDay day, string? status, long afterId, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DifferencesSql);
        command.Parameters.Add(new NpgsqlParameter { Value = day.BankNode, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = day.BusinessDay, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = afterId, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, MaxDifferences), NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReconciliationDifference>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReconciliationDifference(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt16(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9), reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14)));
        }

        return rows;
    }
}
