using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Messages;

/// <summary>Reading rows of <c>inbound_replies</c> for many keys with one statement.</summary>
internal static class StoredReplyRows
{
    /// <summary>The stored replies of the keys passed as <c>$1</c> (SRCs) and <c>$2</c> (MsgIDs), in pairs.</summary>
    public const string SelectByKeys =
        """
        SELECT r.src, r.msg_id, r.body_sha256, r.reply_msg_no, r.reply_body, r.result
        FROM nontax.inbound_replies r
        JOIN unnest($1::text[], $2::text[]) AS k(src, msg_id) ON r.src = k.src AND r.msg_id = k.msg_id
        """;

    public static void AddKeys(NpgsqlParameterCollection parameters, IReadOnlyCollection<ReplyKey> keys)
    {
        parameters.Add(TextArray(keys.Select(k => k.Src)));
        parameters.Add(TextArray(keys.Select(k => k.MsgId)));
    }

    public static NpgsqlParameter TextArray(IEnumerable<string?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    public static NpgsqlParameter ByteaArray(IEnumerable<byte[]> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = values.ToArray() };

    /// <summary>Reads rows shaped like <see cref="SelectByKeys"/> from the current result set.</summary>
    public static async Task ReadIntoAsync(NpgsqlDataReader reader, Dictionary<ReplyKey, StoredReply> replies)
    {
        while (await reader.ReadAsync())
        {
            var key = new ReplyKey(reader.GetString(0), reader.GetString(1));
            replies[key] = new StoredReply(reader.GetFieldValue<byte[]>(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4), reader.GetString(5));
        }
    }
}
