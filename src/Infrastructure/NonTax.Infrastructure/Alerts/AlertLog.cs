using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Alerts;

/// <summary>Alerts and their SMS as staff read them, from <c>nontax.alerts</c> and <c>nontax.alert_sms</c>.</summary>
public sealed class AlertLog(NpgsqlDataSource dataSource)
{
    public const int MaxRows = 1000;

    private const string Columns = """
        alert_id, kind, subject, what, why, severity, raised_at, acknowledged_at, acknowledged_by, closed_at, closed_by, close_note, sms_planned_at
        """;

    private const string ListSql = $"""
        SELECT {Columns} FROM nontax.alerts
         WHERE NOT $1 OR closed_at IS NULL
         ORDER BY raised_at DESC, alert_id
         LIMIT $2
        """;

    private const string FindSql = $"SELECT {Columns} FROM nontax.alerts WHERE alert_id = $1";

    private const string SmsSql = """
        SELECT phone, recipient, role, body, status, attempts, next_attempt_at, last_error, reference, created_at, finished_at
          FROM nontax.alert_sms WHERE alert_id = $1 ORDER BY created_at, phone
        """;

    public async Task<IReadOnlyList<AlertView>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(new NpgsqlParameter { Value = openOnly, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, MaxRows), NpgsqlDbType = NpgsqlDbType.Integer });
        return await ReadAlertsAsync(command, cancellationToken);
    }

    public async Task<AlertView?> FindAsync(string alertId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(FindSql);
        command.Parameters.Add(new NpgsqlParameter { Value = alertId, NpgsqlDbType = NpgsqlDbType.Text });
        return (await ReadAlertsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<AlertSmsView>> SmsAsync(string alertId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SmsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = alertId, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AlertSmsView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AlertSmsView(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6), NullableText(reader, 7), NullableText(reader, 8),
                reader.GetFieldValue<DateTimeOffset>(9), NullableInstant(reader, 10)));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<AlertView>> ReadAlertsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AlertView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AlertView(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), NullableText(reader, 4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), NullableInstant(reader, 7), NullableText(reader, 8),
                NullableInstant(reader, 9), NullableText(reader, 10), NullableText(reader, 11), NullableInstant(reader, 12)));
        }

        return rows;
    }

    private static string? NullableText(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static DateTimeOffset? NullableInstant(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
}
