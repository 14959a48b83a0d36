using Npgsql;

namespace NonTax.Infrastructure.Messages;

/// <summary>
/// Writes a batch of exchanges in ONE transaction: every frame into <c>message_archive</c>, every
/// final reply into <c>inbound_replies</c> (first stored wins, <c>ON CONFLICT DO NOTHING</c>),
/// then reads back the winner of each key whose insert lost, so an exchange that raced another
/// edge node (or an earlier copy of itself) completes with the reply that is actually stored.
/// </summary>
internal sealed class ExchangeBatchWriter(NpgsqlDataSource dataSource, MessageJournalMetrics metrics)
{
    private const string InsertReplies =
        """
        INSERT INTO nontax.inbound_replies (src, msg_id, body_sha256, reply_msg_no, reply_body, result)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[], $5::bytea[], $6::text[])
        ON CONFLICT (src, msg_id) DO NOTHING
        RETURNING src, msg_id, body_sha256, reply_msg_no, reply_body, result
        """;

    private const string InsertFrames =
        """
        INSERT INTO nontax.message_archive (direction, peer, remote_address, msg_no, msg_id, msg_ref, result, note, raw_frame)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bytea[])
        """;

    public async Task WriteAsync(IReadOnlyList<PendingExchange> exchanges)
    {
        var winners = await CommitAsync(exchanges);
        metrics.Written(exchanges.Count);
        foreach (var exchange in exchanges)
        {
            if (exchange.Key is not { } key || exchange.ToStore is not { } ours)
            {
                exchange.Complete(null);
            }
            else if (!winners.TryGetValue(key, out var winner))
            {
                // Only if the winning row vanished between the insert and the read-back (pruned).
                exchange.Fail(new InvalidOperationException($"No reply is stored for ({key.Src}, {key.MsgId}) after storing one."));
            }
            else
            {
                // Same content: ours was stored (or an identical one), so the caller sends its own frame.
                exchange.Complete(winner.HasSameContent(ours) ? ours : winner);
            }
        }
    }

    private async Task<Dictionary<ReplyKey, StoredReply>> CommitAsync(IReadOnlyList<PendingExchange> exchanges)
    {
        // One order for every node's inserts: two batches waiting on each other's keys cannot deadlock.
        var stores = exchanges
            .Where(e => e.ToStore is not null)
            .OrderBy(e => e.Key!.Value.Src, StringComparer.Ordinal)
            .ThenBy(e => e.Key!.Value.MsgId, StringComparer.Ordinal)
            .ToList();
        var frames = exchanges.SelectMany(e => e.Frames).ToList();
        var winners = new Dictionary<ReplyKey, StoredReply>();

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            if (stores.Count > 0)
            {
                batch.BatchCommands.Add(RepliesCommand(stores));
            }

            if (frames.Count > 0)
            {
                batch.BatchCommands.Add(FramesCommand(frames));
            }

            if (batch.BatchCommands.Count > 0)
            {
                await using var reader = await batch.ExecuteReaderAsync();
                if (stores.Count > 0)
                {
                    await StoredReplyRows.ReadIntoAsync(reader, winners);
                }

                // Consume the archive insert's result so its error, if any, surfaces here.
                while (await reader.NextResultAsync())
                {
                }
            }
        }

        var lost = stores.Select(e => e.Key!.Value).Where(k => !winners.ContainsKey(k)).Distinct().ToList();
        if (lost.Count > 0)
        {
            // A new statement sees what the conflicting transaction committed while ours waited on it.
            await using var select = new NpgsqlCommand(StoredReplyRows.SelectByKeys, connection, transaction);
            StoredReplyRows.AddKeys(select.Parameters, lost);
            await using var reader = await select.ExecuteReaderAsync();
            await StoredReplyRows.ReadIntoAsync(reader, winners);
        }

        await transaction.CommitAsync();
        return winners;
    }

    private static NpgsqlBatchCommand RepliesCommand(List<PendingExchange> stores)
    {
        var command = new NpgsqlBatchCommand(InsertReplies);
        command.Parameters.Add(StoredReplyRows.TextArray(stores.Select(e => e.Key!.Value.Src)));
        command.Parameters.Add(StoredReplyRows.TextArray(stores.Select(e => e.Key!.Value.MsgId)));
        command.Parameters.Add(StoredReplyRows.ByteaArray(stores.Select(e => e.ToStore!.BodySha256)));
        command.Parameters.Add(StoredReplyRows.TextArray(stores.Select(e => e.ToStore!.ReplyMsgNo)));
        command.Parameters.Add(StoredReplyRows.ByteaArray(stores.Select(e => e.ToStore!.ReplyBody)));
        command.Parameters.Add(StoredReplyRows.TextArray(stores.Select(e => e.ToStore!.Result)));
        return command;
    }

    private static NpgsqlBatchCommand FramesCommand(List<ArchivedFrame> frames)
    {
        var command = new NpgsqlBatchCommand(InsertFrames);
        command.Parameters.Add(ArchiveText(frames.Select(f => f.Direction.ToString())));
        command.Parameters.Add(ArchiveText(frames.Select(f => f.Peer)));
        command.Parameters.Add(ArchiveText(frames.Select(f => f.RemoteAddress)));
        command.Parameters.Add(ArchiveText(frames.Select(f => f.MsgNo)));
        command.Parameters.Add(ArchiveText(frames.Select(f => f.MsgId)));
        command.Parameters.Add(ArchiveText(frames.Select(f => f.MsgRef)));
        command.Parameters.Add(ArchiveText(frames.Select(f => f.Result)));
        command.Parameters.Add(ArchiveText(frames.Select(f => f.Note)));
        command.Parameters.Add(StoredReplyRows.ByteaArray(frames.Select(f => f.RawFrame.ToArray())));
        return command;
    }

    /// <summary>
    /// PostgreSQL's text cannot hold U+0000, and a refused frame may carry it in its fixed header or
    /// in the note that quotes it: written as is, the whole batch failed and the frame went
    /// unarchived. The archive's text columns show NUL as ␀ (U+2400); raw_frame keeps the exact
    /// bytes. (Stored replies need no such care: their keys come from XML, which cannot carry NUL.)
    /// </summary>
    private static NpgsqlParameter ArchiveText(IEnumerable<string?> values) =>
        StoredReplyRows.TextArray(values.Select(v => v?.Replace('\0', '\u2400')));
}
