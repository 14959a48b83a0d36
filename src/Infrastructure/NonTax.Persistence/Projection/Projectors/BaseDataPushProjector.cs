using System.Text.Json;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>basedata.pushed</c> → one <c>base_data_pushes</c> row per bank, written in the publisher's
/// own commit, so the row exists before the refresh can reach the bank and its 2952 can name it.
/// </summary>
public sealed class BaseDataPushProjector : IFactProjector
{
    private const string Sql = """
        INSERT INTO base_data_pushes (msg_no, seq_no, peer, sent_at, row_count)
        SELECT $1, $2, peer, $4, $5 FROM unnest($3::text[]) AS peer
        ON CONFLICT (msg_no, seq_no, peer) DO NOTHING
        """;

    public bool Handles(string kind) => kind == FactKinds.BaseDataPushed;

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        using var payload = JsonDocument.Parse(fact.PayloadJson);
        var root = payload.RootElement;
        var peers = root.GetProperty("peers").EnumerateArray().Select(p => p.GetString()!).ToArray();
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = root.GetProperty("msgNo").GetString() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = root.GetProperty("seqNo").GetInt64() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = peers });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = fact.OccurredAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = root.GetProperty("rows").GetInt32() });
        batch.BatchCommands.Add(command);
    }
}
