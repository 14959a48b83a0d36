using NonTax.Protocol.Vouchers.Collection;
using Npgsql;

namespace NonTax.ConventionalNode;

/// <summary>
/// The conventional way: every message is one PostgreSQL transaction that looks up the stored
/// reply, locks the notice with <c>SELECT … FOR UPDATE</c>, writes the outcome, stores the reply
/// and archives both frames, then commits before the reply is written to the socket.
/// </summary>
public sealed class ConventionalLedger(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>2612: first confirmation wins; a later one with another TraNoBus gets 10006 and a refund row.</summary>
    public async Task<byte[]> ConfirmAsync(Inbound inbound, PaymentConfirmation confirmation, string replyMsgNo, Func<string, byte[]> reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(confirmation);
        ArgumentNullException.ThrowIfNull(reply);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var reads = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("SELECT reply FROM conventional.stored_replies WHERE src = $1 AND msg_id = $2", inbound.Src, inbound.MsgId),
                Command("SELECT result_code FROM conventional.payment_confirmations WHERE src = $1 AND tra_no_bus = $2", inbound.Src, confirmation.TraNoBus),
                Command("SELECT amount, status FROM conventional.notices WHERE pay_code = $1 FOR UPDATE", confirmation.PayCode),
            },
        };
        byte[]? stored = null;
        string? earlier = null;
        (decimal Amount, short Status)? notice = null;
        await using (reads)
        await using (var reader = await reads.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                stored = reader.GetFieldValue<byte[]>(0);
            }

            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                earlier = reader.GetString(0);
            }

            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                notice = (reader.GetDecimal(0), reader.GetInt16(1));
            }
        }

        if (stored is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            return stored;
        }

        var result = earlier ?? notice switch
        {
            null => "10001",
            { Status: 2 } => "10003",
            { } n when n.Amount != confirmation.Amt => "10005",
            { Status: 0 } => "00000",
            _ => "10006",
        };
        var replyBytes = reply(result);
        var now = time.GetUtcNow();
        await using var writes = new NpgsqlBatch(connection, transaction);
        if (earlier is null && result is "00000" or "10006")
        {
            writes.BatchCommands.Add(Command(
                "INSERT INTO conventional.payment_confirmations (src, tra_no_bus, pay_code, amount, outcome, result_code, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                inbound.Src, confirmation.TraNoBus, confirmation.PayCode, confirmation.Amt, result == "00000" ? "revenue" : "duplicate", result, now));
            writes.BatchCommands.Add(result == "00000"
                ? Command("UPDATE conventional.notices SET status = 1 WHERE pay_code = $1", confirmation.PayCode)
                : Command(
                    "INSERT INTO conventional.technical_refunds (pay_code, bank, ori_tra_no_bus, amount, requested_at) VALUES ($1, $2, $3, $4, $5)",
                    confirmation.PayCode, inbound.Src, confirmation.TraNoBus, confirmation.Amt, now));
        }

        AddReplyAndArchive(writes, inbound, replyMsgNo, replyBytes, now);
        await writes.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replyBytes;
    }

    /// <summary>8994: a new notice with the unit's own payment code (10011 if the code exists), or a void.</summary>
    public async Task<byte[]> IssueAsync(Inbound inbound, NoticeIssue notice, string replyMsgNo, Func<string, byte[]> reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(reply);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await StoredReplyAsync(connection, transaction, inbound, cancellationToken) is { } stored)
        {
            await transaction.CommitAsync(cancellationToken);
            return stored;
        }

        var now = time.GetUtcNow();
        await using var change = notice.PayStats == NoticeIssue.Void
            ? new NpgsqlCommand("UPDATE conventional.notices SET status = 2 WHERE pay_code = $1 AND status = 0 AND unit_code = $2", connection, transaction)
            {
                Parameters = { new() { Value = notice.PayCode }, new() { Value = notice.ChgAgenCode } },
            }
            : new NpgsqlCommand(
                """
                INSERT INTO conventional.notices (pay_code, adm_div_code, bill_date, unit_code, unit_name, payer_name, amount, ori_amount, delay_amount,
                    status, rec_acct_type, rec_name, rec_acct, rec_op_bk, pay_info, memo, issued_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12, $13, $14, $15, $16)
                ON CONFLICT (pay_code) DO NOTHING
                """,
                connection,
                transaction)
            {
                Parameters =
                {
                    new() { Value = notice.PayCode }, new() { Value = notice.AdmDivCode }, new() { Value = notice.BillDate },
                    new() { Value = notice.ChgAgenCode }, new() { Value = notice.ChgAgenName }, new() { Value = notice.PayerName },
                    new() { Value = notice.Amt }, new() { Value = notice.OriAmt }, new() { Value = notice.DelayAmt },
                    new() { Value = (short)notice.RecAcctType }, new() { Value = notice.RecName }, new() { Value = notice.RecAcct },
                    new() { Value = notice.RecOpBk }, new() { Value = notice.PayInfo }, new() { Value = notice.Memo }, new() { Value = now },
                },
            };
        var changed = await change.ExecuteNonQueryAsync(cancellationToken);
        var result = changed == 1 ? "00000" : notice.PayStats == NoticeIssue.Void ? "10003" : "10011";
        var replyBytes = reply(result);
        await using var writes = new NpgsqlBatch(connection, transaction);
        AddReplyAndArchive(writes, inbound, replyMsgNo, replyBytes, now);
        await writes.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replyBytes;
    }

    /// <summary>2601: the notice's details (null when unknown); the exchange is archived like every other.</summary>
    public async Task<byte[]> QueryAsync(Inbound inbound, string payCode, string replyMsgNo, Func<NoticeDetails?, byte[]> reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(reply);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        NoticeDetails? details = null;
        await using (var read = new NpgsqlCommand(
            """
            SELECT adm_div_code, bill_date, unit_code, unit_name, payer_name, amount, ori_amount, delay_amount, status,
                   rec_acct_type, rec_name, rec_acct, rec_op_bk, pay_info, memo
              FROM conventional.notices WHERE pay_code = $1
            """,
            connection)
        { Parameters = { new() { Value = payCode } } })
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                details = new NoticeDetails(
                    reader.GetString(0), payCode, reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    string.Empty, string.Empty, reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7), reader.GetInt16(8),
                    reader.GetInt16(9), reader.GetString(10), reader.GetString(11), reader.GetString(12),
                    inbound.Src.EndsWith("0105", StringComparison.Ordinal) ? 0 : 1, reader.GetString(13), reader.GetString(14), string.Empty, string.Empty);
            }
        }

        var replyBytes = reply(details);
        await using var writes = new NpgsqlBatch(connection);
        AddReplyAndArchive(writes, inbound, replyMsgNo, replyBytes, time.GetUtcNow());
        await writes.ExecuteNonQueryAsync(cancellationToken);
        return replyBytes;
    }

    private static async Task<byte[]?> StoredReplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Inbound inbound, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT reply FROM conventional.stored_replies WHERE src = $1 AND msg_id = $2", connection, transaction)
        {
            Parameters = { new() { Value = inbound.Src }, new() { Value = inbound.MsgId } },
        };
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>The reply stored under (SRC, MsgID) for resends, and both frames archived, in the caller's transaction.</summary>
    private static void AddReplyAndArchive(NpgsqlBatch batch, Inbound inbound, string replyMsgNo, byte[] replyBytes, DateTimeOffset now)
    {
        batch.BatchCommands.Add(Command(
            "INSERT INTO conventional.stored_replies (src, msg_id, reply) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            inbound.Src, inbound.MsgId, replyBytes));
        batch.BatchCommands.Add(Command(
            "INSERT INTO conventional.message_archive (src, msg_no, msg_id, direction, frame, archived_at) VALUES ($1, $2, $3, 'I', $4, $6), ($1, $5, $3, 'O', $7, $6)",
            inbound.Src, inbound.MsgNo, inbound.MsgId, inbound.Body, replyMsgNo, now, replyBytes));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
