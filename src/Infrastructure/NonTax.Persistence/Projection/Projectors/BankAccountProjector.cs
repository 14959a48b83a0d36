using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>bank_account_days</c>: bankaccount.day_closed marks the row closed at the run the grain read;
/// a row recomputed since (another run) stays open for the grain to close again.
/// </summary>
public sealed class BankAccountProjector : FactProjector
{
    private const string CloseSql = """
        UPDATE nontax.bank_account_days
           SET closed_run = $3, closed_version = $4, closed_at = $5
         WHERE account_no = $1 AND business_day = $2 AND run = $3
        """;

    public BankAccountProjector() => On<BankAccountDayClosed>(Close);

    private static void Close(NpgsqlBatch batch, BusinessFact fact, BankAccountDayClosed closed) =>
        ProjectionCommand.Add(batch, CloseSql,
            Text(closed.AccountNo), Date(closed.BusinessDay), Int(closed.Run), Int(closed.Version), Instant(fact.OccurredAt));
}
