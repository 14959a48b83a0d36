using Npgsql;

namespace NonTax.Infrastructure.Messages;

/// <summary>
/// The edge's durable memory: every frame in and out (message_archive) and the reply given to
/// each (SRC, MsgID) (inbound_replies). A request's archive rows and its stored reply are written
/// in one transaction before the reply leaves, so an acknowledged message is never forgotten.
/// </summary>
public sealed class MessageJournal(NpgsqlDataSource dataSource)
{
    public async Task<StoredReply?> FindReplyAsync(string src, string msgId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT body_sha256, reply_msg_no, reply_body, result FROM inbound_replies WHERE src = $1 AND msg_id = $2");
        command.Parameters.AddWithValue(src);
        command.Parameters.AddWithValue(msgId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredReply(reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3))
            : null;
    }

    /// <summary>
    /// Archives the request and its reply and stores the reply for (src, msgId). If another edge
    /// node stored a reply for the same key first, that one wins and is returned, so both nodes
    /// answer a resend alike.
    /// </summary>
    public async Task<StoredReply?> RecordExchangeAsync(ArchivedFrame request, ArchivedFrame? reply, string? src, string? msgId, StoredReply? toStore, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(ArchiveCommand(request));
            if (reply is not null)
            {
                batch.BatchCommands.Add(ArchiveCommand(reply));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        StoredReply? winner = toStore;
        if (toStore is not null && src is not null && msgId is not null)
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO inbound_replies (src, msg_id, body_sha256, reply_msg_no, reply_body, result)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (src, msg_id) DO NOTHING
                """, connection, transaction);
            insert.Parameters.AddWithValue(src);
            insert.Parameters.AddWithValue(msgId);
            insert.Parameters.AddWithValue(toStore.BodySha256);
            insert.Parameters.AddWithValue(toStore.ReplyMsgNo);
            insert.Parameters.AddWithValue(toStore.ReplyBody);
            insert.Parameters.AddWithValue(toStore.Result);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return await FindReplyAsync(src, msgId, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return winner;
    }

    /// <summary>Archives frames that never became a request (unreadable bytes, unknown peers) or outbound ones.</summary>
    public async Task ArchiveAsync(ArchivedFrame frame, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(ArchiveCommand(frame));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets stored replies older than the retention (at least 30 days by the spec); the archive itself stays.</summary>
    public async Task<int> PruneRepliesAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM inbound_replies WHERE created_at < now() - $1");
        command.Parameters.AddWithValue(retention);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand ArchiveCommand(ArchivedFrame frame)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO message_archive (direction, peer, remote_address, msg_no, msg_id, msg_ref, result, note, raw_frame)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = frame.Direction.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)frame.Peer ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)frame.RemoteAddress ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)frame.MsgNo ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)frame.MsgId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)frame.MsgRef ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)frame.Result ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)frame.Note ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = frame.RawFrame.ToArray() });
        return command;
    }
}
