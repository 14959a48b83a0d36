using NonTax.Grains.Abstractions.Outbound;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>A link's message history from the <c>outbound_messages</c> projection.</summary>
public sealed class OutboundMessageLog(NpgsqlDataSource dataSource) : IOutboundMessageLog
{
    /// <summary>One screen's worth; older messages are a report's business, not the link view's.</summary>
    public const int MaxMessages = 1000;

    private const string RecentSql = """
        SELECT instruction_id, msg_no, msg_id, business_no, status, attempts, queued_at,
               last_attempt_at, last_error, last_result, answer_information, closed_reason
          FROM nontax.outbound_messages
         WHERE peer = $1
         ORDER BY queued_at DESC, instruction_id
         LIMIT $2
        """;

    public async Task<IReadOnlyList<OutboundMessageView>> RecentAsync(string peerNodeCode, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(RecentSql);
        command.Parameters.Add(new NpgsqlParameter { Value = peerNodeCode, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, MaxMessages), NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboundMessageView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboundMessageView(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                StatusOf(reader.GetString(4)),
                reader.GetInt32(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return messages;
    }

    // The table's CHECK constraint allows exactly these four.
    private static OutboundMessageStatus StatusOf(string status) => status switch
    {
        "pending" => OutboundMessageStatus.Pending,
        "delivered" => OutboundMessageStatus.Delivered,
        "dead" => OutboundMessageStatus.Dead,
        "closed" => OutboundMessageStatus.Closed,
        _ => throw new InvalidOperationException($"outbound_messages has an unknown status '{status}'"),
    };
}
