using Npgsql;

namespace NonTax.Silo.Operations;

/// <summary>The green_channel_messages table, which the edge fills from 2000 messages, read by staff.</summary>
public sealed class GreenChannelInbox(NpgsqlDataSource dataSource)
{
    public const int MaxPage = 500;

    /// <summary>Newest first; <paramref name="unreadOnly"/> hides what someone has read already.</summary>
    public async Task<IReadOnlyList<GreenChannelMessage>> ListAsync(int limit, bool unreadOnly, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, src, msg_id, title, content, sender, received_at, read_by, read_at
            FROM nontax.green_channel_messages WHERE NOT $2 OR read_at IS NULL
            ORDER BY received_at DESC, id DESC LIMIT $1
            """);
        command.Parameters.AddWithValue(Math.Clamp(limit, 1, MaxPage));
        command.Parameters.AddWithValue(unreadOnly);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<GreenChannelMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new GreenChannelMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return messages;
    }

    /// <summary>Marks the message read; the first reader is kept. Returns false when no such message exists.</summary>
    public async Task<bool> MarkReadAsync(long id, string readBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE nontax.green_channel_messages SET read_by = COALESCE(read_by, $2), read_at = COALESCE(read_at, now())
            WHERE id = $1
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(readBy);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
