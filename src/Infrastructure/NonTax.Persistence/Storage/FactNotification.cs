using Npgsql;

namespace NonTax.Persistence.Storage;

/// <summary>
/// Announces committed facts on the PostgreSQL channel <see cref="Channel"/>: one NOTIFY per
/// batch that recorded any, its payload the distinct fact kinds joined by commas. PostgreSQL
/// delivers a NOTIFY only when its transaction commits, so listeners (the web app's monitoring
/// wall) hear of exactly the facts that are durable and projected, from whichever silo wrote them,
/// and need no silo to be up to hear them (docs/architecture.md, "Live monitoring wall").
/// </summary>
public static class FactNotification
{
    public const string Channel = "nontax_facts";

    // NOTIFY payloads are limited to 8000 bytes; a batch's distinct kinds are a few dozen at most.
    private const int MaxPayload = 7900;

    internal static NpgsqlBatchCommand? For(IEnumerable<string> kinds)
    {
        var distinct = kinds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return null;
        }

        var payload = string.Join(',', distinct);
        if (payload.Length > MaxPayload)
        {
            payload = "*";
        }

        var command = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        return command;
    }
}
