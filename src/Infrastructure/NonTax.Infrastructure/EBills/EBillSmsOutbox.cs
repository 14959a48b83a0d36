using NonTax.Grains.Abstractions.EBills;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.EBills;

/// <summary><see cref="IEBillSmsOutbox"/> over <c>nontax.ebill_sms</c> (0711_ebill_sms.sql); each update touches only a pending row.</summary>
public sealed class EBillSmsOutbox(NpgsqlDataSource dataSource) : IEBillSmsOutbox
{
    private const string DueSql = """
        SELECT bill_code, bill_number, pay_code, check_code, phone, payer_name, attempts FROM nontax.ebill_sms
         WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT $1
        """;

    private const string SentSql = """
        UPDATE nontax.ebill_sms SET status = 'sent', attempts = attempts + 1, reference = $3, finished_at = now()
         WHERE bill_code = $1 AND bill_number = $2 AND status = 'pending'
        """;

    private const string RetrySql = """
        UPDATE nontax.ebill_sms SET attempts = attempts + 1, last_error = $3, next_attempt_at = now() + $4
         WHERE bill_code = $1 AND bill_number = $2 AND status = 'pending'
        """;

    private const string FailedSql = """
        UPDATE nontax.ebill_sms SET status = 'failed', attempts = attempts + 1, last_error = $3, finished_at = now()
         WHERE bill_code = $1 AND bill_number = $2 AND status = 'pending'
        """;

    public async Task<IReadOnlyList<EBillSms>> ReadDueAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DueSql);
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<EBillSms>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new EBillSms(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetInt32(6)));
        }

        return messages;
    }

    public Task MarkSentAsync(EBillSms message, string? reference, CancellationToken cancellationToken = default) =>
        ExecuteAsync(SentSql, message, cancellationToken, new NpgsqlParameter { Value = (object?)reference ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });

    public Task MarkFailedAsync(EBillSms message, string error, TimeSpan? retryAfter, CancellationToken cancellationToken = default)
    {
        var why = new NpgsqlParameter { Value = error.Length > 500 ? error[..500] : error, NpgsqlDbType = NpgsqlDbType.Text };
        return retryAfter is { } wait
            ? ExecuteAsync(RetrySql, message, cancellationToken, why, new NpgsqlParameter { Value = wait, NpgsqlDbType = NpgsqlDbType.Interval })
            : ExecuteAsync(FailedSql, message, cancellationToken, why);
    }

    private async Task ExecuteAsync(string sql, EBillSms message, CancellationToken cancellationToken, params NpgsqlParameter[] more)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = message.BillCode, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = message.BillNumber, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.AddRange(more);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
