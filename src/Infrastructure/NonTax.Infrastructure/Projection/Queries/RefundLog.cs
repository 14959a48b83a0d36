using NonTax.Grains.Abstractions.Refunds;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>Refunds, technical and business, from the <c>nontax.refunds</c> view.</summary>
public sealed class RefundLog(NpgsqlDataSource dataSource) : IRefundLog
{
    /// <summary>One screen's worth; a longer list is a report's business.</summary>
    public const int MaxRows = 1000;

    private const string Columns = """
        refund_no, refund_kind, pay_code, unit_code, bank, amount, reason, status, requested_at, instructed_at,
        decided_by, bank_result, refund_date, refund_tra_no, information, finished_at
        """;

    private const string ListSql = $"""
        SELECT {Columns}
          FROM nontax.refunds
         WHERE ($1::text IS NULL OR status = $1)
           AND ($2::text IS NULL OR refund_kind = $2)
           AND ($3::text IS NULL OR pay_code = $3)
           AND ($4::text IS NULL OR unit_code = $4)
         ORDER BY requested_at DESC, refund_no
         LIMIT $5
        """;

    // A technical refund is instructed when recorded; a business one when approved.
    private const string StuckSql = $"""
        SELECT {Columns}
          FROM nontax.refunds
         WHERE status IN ('pending', 'approved')
           AND instructed_at < now() - $1::interval
         ORDER BY instructed_at, refund_no
         LIMIT $2
        """;

    public async Task<IReadOnlyList<RefundView>> ListAsync(RefundFilter filter, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(Text(filter.Status));
        command.Parameters.Add(Text(filter.Kind));
        command.Parameters.Add(Text(filter.PayCode));
        command.Parameters.Add(Text(filter.UnitCode));
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(filter.Limit, 1, MaxRows), NpgsqlDbType = NpgsqlDbType.Integer });
        return await ReadAsync(command, cancellationToken);
    }

    private const string SettledStuckAlertsSql = """
        SELECT a.alert_id, r.refund_no, r.status
          FROM nontax.alerts a
          JOIN nontax.refunds r ON r.refund_no = a.subject
         WHERE a.kind = 'refund.stuck' AND a.closed_at IS NULL AND r.status IN ('completed', 'failed')
         ORDER BY a.raised_at, a.alert_id
         LIMIT $1
        """;

    public async Task<IReadOnlyList<(string AlertId, string RefundNo, string Status)>> SettledStuckAlertsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SettledStuckAlertsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, MaxRows), NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<RefundView>> StuckAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(StuckSql);
        command.Parameters.Add(new NpgsqlParameter { Value = olderThan, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, MaxRows), NpgsqlDbType = NpgsqlDbType.Integer });
        return await ReadAsync(command, cancellationToken);
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim(), NpgsqlDbType = NpgsqlDbType.Text };

    private static async Task<IReadOnlyList<RefundView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RefundView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RefundView(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetDecimal(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15)));
        }

        return rows;
    }
}
