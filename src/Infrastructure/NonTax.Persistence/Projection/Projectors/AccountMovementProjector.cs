using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>account_movements</c>: one row per movement a bank reported (account.movement_recorded),
/// keyed by the bank's own number for it, so a replayed or resent fact inserts nothing.
/// </summary>
public sealed class AccountMovementProjector : FactProjector
{
    private const string InsertSql = """
        INSERT INTO nontax.account_movements (bank_node, msg_no, reference_no, line_no, account_no, business_day, direction, amount,
            kind, counterparty_account, related_no, pay_code, original_day, msg_id, recorded_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT (bank_node, msg_no, reference_no, line_no) DO NOTHING
        """;

    public AccountMovementProjector() => On<AccountMovementRecorded>(Insert);

    private static void Insert(NpgsqlBatch batch, BusinessFact fact, AccountMovementRecorded m) =>
        ProjectionCommand.Add(batch, InsertSql,
            Text(m.BankNode), Text(m.MsgNo), Text(m.ReferenceNo), Int(m.LineNo), Text(m.AccountNo), Date(m.BusinessDay),
            Text(m.Direction), Money(m.Amount), Text(m.MovementKind), Text(m.CounterpartyAccount), Text(m.RelatedNo),
            Text(m.PayCode), Date(m.OriginalDay), Text(m.MsgId), Instant(fact.OccurredAt));
}
