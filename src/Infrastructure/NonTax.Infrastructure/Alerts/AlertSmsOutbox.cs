using NonTax.Grains.Abstractions.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Alerts;

/// <summary>
/// <see cref="IAlertSmsOutbox"/> over <c>nontax.alert_sms</c> and <c>nontax.alerts</c>
/// (0610_alert_sms.sql). Times are the database's, so silo clocks do not matter.
/// </summary>
public sealed class AlertSmsOutbox(NpgsqlDataSource dataSource) : IAlertSmsOutbox
{
    private const string UnplannedSql = """
        SELECT alert_id, kind, subject, what, why, severity, raised_at, acknowledged_at IS NULL AND closed_at IS NULL
          FROM nontax.alerts
         WHERE sms_planned_at IS NULL
         ORDER BY raised_at, alert_id
         LIMIT $1
        """;

    private const string InsertSql = """
        INSERT INTO nontax.alert_sms (alert_id, phone, recipient, role, body)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (alert_id, phone) DO NOTHING
        """;

    private const string PlannedSql = "UPDATE nontax.alerts SET sms_planned_at = now() WHERE alert_id = $1 AND sms_planned_at IS NULL";

    private const string DueSql = """
        SELECT s.alert_id, s.phone, s.recipient, s.role, s.body, s.attempts, a.acknowledged_at IS NULL AND a.closed_at IS NULL
          FROM nontax.alert_sms s
          JOIN nontax.alerts a ON a.alert_id = s.alert_id
         WHERE s.status = 'pending' AND s.next_attempt_at <= now()
         ORDER BY s.next_attempt_at, s.alert_id, s.phone
         LIMIT $1
        """;

    // Each outcome changes a row only while it is pending, so a late repeat changes nothing.
    private const string SentSql = """
        UPDATE nontax.alert_sms SET status = 'sent', attempts = attempts + 1, reference = $3, finished_at = now(), last_error = NULL
         WHERE alert_id = $1 AND phone = $2 AND status = 'pending'
        """;

    private const string RetrySql = """
        UPDATE nontax.alert_sms SET attempts = attempts + 1, last_error = $3, next_attempt_at = now() + $4
         WHERE alert_id = $1 AND phone = $2 AND status = 'pending'
        """;

    private const string FailedSql = """
        UPDATE nontax.alert_sms SET status = 'failed', attempts = attempts + 1, last_error = $3, finished_at = now()
         WHERE alert_id = $1 AND phone = $2 AND status = 'pending'
        """;

    private const string CancelledSql = """
        UPDATE nontax.alert_sms SET status = 'cancelled', finished_at = now()
         WHERE alert_id = $1 AND phone = $2 AND status = 'pending'
        """;

    public async Task<IReadOnlyList<OpenAlert>> ReadUnplannedAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(UnplannedSql);
        command.Parameters.Add(Int(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<OpenAlert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new OpenAlert(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Enum.Parse<AlertSeverity>(reader.GetString(5), ignoreCase: true),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetBoolean(7)));
        }

        return alerts;
    }

    public async Task<int> PlanAsync(string alertId, IReadOnlyList<SmsMessage> messages, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var message in messages)
        {
            var insert = new NpgsqlBatchCommand(InsertSql);
            insert.Parameters.Add(Text(message.AlertId));
            insert.Parameters.Add(Text(message.Phone));
            insert.Parameters.Add(Text(message.Recipient));
            insert.Parameters.Add(Text(message.Role));
            insert.Parameters.Add(Text(message.Body));
            batch.BatchCommands.Add(insert);
        }

        var planned = new NpgsqlBatchCommand(PlannedSql);
        planned.Parameters.Add(Text(alertId));
        batch.BatchCommands.Add(planned);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var added = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            added += batch.BatchCommands[i].RecordsAffected;
        }

        return added;
    }

    public async Task<IReadOnlyList<SmsMessage>> ReadDueAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DueSql);
        command.Parameters.Add(Int(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<SmsMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new SmsMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.GetBoolean(6)));
        }

        return messages;
    }

    public Task MarkSentAsync(SmsMessage message, string? reference, CancellationToken cancellationToken = default) =>
        ExecuteAsync(SentSql, message, cancellationToken, Text(reference));

    public Task MarkFailedAsync(SmsMessage message, string error, TimeSpan? retryAfter, CancellationToken cancellationToken = default) =>
        retryAfter is { } wait
            ? ExecuteAsync(RetrySql, message, cancellationToken, Text(Trim(error)), new NpgsqlParameter { Value = wait, NpgsqlDbType = NpgsqlDbType.Interval })
            : ExecuteAsync(FailedSql, message, cancellationToken, Text(Trim(error)));

    public Task MarkCancelledAsync(SmsMessage message, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CancelledSql, message, cancellationToken);

    private async Task ExecuteAsync(string sql, SmsMessage message, CancellationToken cancellationToken, params NpgsqlParameter[] more)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(Text(message.AlertId));
        command.Parameters.Add(Text(message.Phone));
        command.Parameters.AddRange(more);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Trim(string error) => error.Length <= 500 ? error : error[..500];

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Int(int value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };
}
