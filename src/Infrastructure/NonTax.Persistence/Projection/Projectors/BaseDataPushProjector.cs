using NonTax.Grains.Abstractions.Journal.Facts;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>basedata.pushed</c> → one <c>base_data_pushes</c> row per bank, written in the publisher's
/// own commit, so the row exists before the refresh can reach the bank and its 2952 can name it.
/// </summary>
public sealed class BaseDataPushProjector : FactProjector
{
    private const string Sql = """
        INSERT INTO nontax.base_data_pushes (msg_no, seq_no, peer, sent_at, row_count)
        SELECT $1, $2, peer, $4, $5 FROM unnest($3::text[]) AS peer
        ON CONFLICT (msg_no, seq_no, peer) DO NOTHING
        """;

    public BaseDataPushProjector() => On<BaseDataPushed>((batch, fact, push) =>
        ProjectionCommand.Add(batch, Sql,
            Text(push.MsgNo),
            Long(push.SeqNo),
            TextArray(push.Peers),
            Instant(fact.OccurredAt),
            Int(push.Rows)));
}
