using Npgsql;

namespace NonTax.Infrastructure.Messages;

/// <summary>
/// The node number (0–999) a process puts into the MsgIDs it generates. Taken from a database
/// sequence at start unless configured, so silos and edge nodes started from the same
/// configuration still never share one.
/// </summary>
public static class MessageIdNode
{
    public static int Claim(NpgsqlDataSource dataSource, int? configured)
    {
        if (configured is { } fixedNumber)
        {
            return fixedNumber is >= 0 and < 1000
                ? fixedNumber
                : throw new ArgumentOutOfRangeException(nameof(configured), fixedNumber, "A MsgID node number is 0–999.");
        }

        using var command = dataSource.CreateCommand("SELECT nextval('nontax.message_id_node_seq')::int");
        return (int)command.ExecuteScalar()!;
    }
}
