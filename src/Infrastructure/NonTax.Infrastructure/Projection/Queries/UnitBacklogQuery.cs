using NonTax.Grains.Abstractions.Units;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>
/// A unit's monitoring backlog from <c>notices</c>: the unit grain keeps no per-notice sets, so its
/// monitoring rules read these aggregates, and the oldest voided paper bill not returned from
/// <c>bill_numbers</c> (one round trip, index-only scans on the partial
/// indexes of 0400_bounded_unit_state.sql). The projection commits with the notices' own writes,
/// so a payment is visible here as soon as the bank was answered.
/// </summary>
public sealed class UnitBacklogQuery(NpgsqlDataSource dataSource) : IUnitMonitoringSource
{
    private const string OpenTotalsSql = """
        SELECT count(*)::int, min(issue_date) FROM nontax.notices
         WHERE unit_code = $1 AND status = 'unpaid'
        """;

    private const string OldestCountedOpenSql = """
        SELECT pay_code, issue_date FROM nontax.notices
         WHERE unit_code = $1 AND status = 'unpaid' AND ($2 IS NULL OR issued_at > $2)
         ORDER BY issue_date, pay_code
         LIMIT 1
        """;

    private const string UnremittedTotalsSql = """
        SELECT count(*)::int, min(paid_cfm_date) FROM nontax.notices
         WHERE unit_code = $1 AND status = 'paid' AND remitted_at IS NULL
        """;

    private const string OldestCountedUnremittedSql = """
        SELECT pay_code, paid_cfm_date FROM nontax.notices
         WHERE unit_code = $1 AND status = 'paid' AND remitted_at IS NULL AND ($2 IS NULL OR paid_at > $2)
         ORDER BY paid_cfm_date, pay_code
         LIMIT 1
        """;

    // China date of the void: voided_at is a UTC instant, business dates are CST (UTC+8).
    private const string OldestUnreturnedVoidSql = """
        SELECT bill_code || '-' || lpad(number::text, 10, '0'), ((voided_at + interval '8 hours') AT TIME ZONE 'UTC')::date
          FROM nontax.bill_numbers
         WHERE unit_code = $1 AND status = 'voided' AND medium = 'Paper' AND returned_at IS NULL
         ORDER BY voided_at
         LIMIT 1
        """;

    public async Task<UnitBacklog> ReadAsync(string unitCode, DateTimeOffset? countedAfter, CancellationToken cancellationToken = default)
    {
        object watermark = countedAfter?.ToUniversalTime() is { } after ? after : DBNull.Value;
        await using var batch = dataSource.CreateBatch();
        Add(batch, OpenTotalsSql, unitCode);
        Add(batch, OldestCountedOpenSql, unitCode, watermark);
        Add(batch, UnremittedTotalsSql, unitCode);
        Add(batch, OldestCountedUnremittedSql, unitCode, watermark);
        Add(batch, OldestUnreturnedVoidSql, unitCode);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var (open, oldestOpen) = await ReadTotalsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var countedOpen = await ReadNoticeAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var (unremitted, oldestUnremitted) = await ReadTotalsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var countedUnremitted = await ReadNoticeAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var unreturnedVoid = await reader.ReadAsync(cancellationToken) ? new UnreturnedVoid(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)) : null;
        return new UnitBacklog(open, oldestOpen, unremitted, oldestUnremitted, countedOpen, countedUnremitted, unreturnedVoid);
    }

    private static void Add(NpgsqlBatch batch, string sql, string unitCode, object? watermark = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = unitCode, NpgsqlDbType = NpgsqlDbType.Text });
        if (watermark is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = watermark, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        batch.BatchCommands.Add(command);
    }

    private static async Task<(int Count, DateOnly? Oldest)> ReadTotalsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1));
    }

    private static async Task<BacklogNotice?> ReadNoticeAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken) ? new BacklogNotice(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)) : null;
}
