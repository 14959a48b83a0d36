using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>reconciliation_days</c> and <c>reconciliation_files</c> from the day grain's facts, and the
/// staff's resolution onto its <c>reconciliation_differences</c> row. Rows carry the day grain's
/// write number, so a fact applied twice or late never overwrites a newer figure.
/// </summary>
public sealed class ReconciliationProjector : FactProjector
{
    private const string UpsertDaySql = """
        INSERT INTO nontax.reconciliation_days AS d
               (bank_node, business_day, status, files_compared, open_differences, resolved_differences, file_missing_alerted, opened_at, updated_at, version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
        ON CONFLICT (bank_node, business_day) DO UPDATE
           SET status = EXCLUDED.status, files_compared = EXCLUDED.files_compared, open_differences = EXCLUDED.open_differences,
               resolved_differences = EXCLUDED.resolved_differences, file_missing_alerted = EXCLUDED.file_missing_alerted,
               updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
         WHERE d.version < EXCLUDED.version
        """;

    private const string UpsertFileSql = """
        INSERT INTO nontax.reconciliation_files AS f
               (bank_node, business_day, msg_no, status, run_no, batch_count, bank_count, bank_amount, finance_count, finance_amount,
                matched_count, matched_amount, differences, open_differences, compared_at, version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        ON CONFLICT (bank_node, business_day, msg_no) DO UPDATE
           SET status = EXCLUDED.status, run_no = EXCLUDED.run_no, batch_count = EXCLUDED.batch_count,
               bank_count = EXCLUDED.bank_count, bank_amount = EXCLUDED.bank_amount,
               finance_count = EXCLUDED.finance_count, finance_amount = EXCLUDED.finance_amount,
               matched_count = EXCLUDED.matched_count, matched_amount = EXCLUDED.matched_amount,
               differences = EXCLUDED.differences, open_differences = EXCLUDED.open_differences,
               compared_at = EXCLUDED.compared_at, version = EXCLUDED.version
         WHERE f.version < EXCLUDED.version
        """;

    private const string ResolveFileSql = """
        UPDATE nontax.reconciliation_files
           SET status = $4, open_differences = $5, version = $6
         WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3 AND version < $6
        """;

    private const string ResolveDifferenceSql = """
        UPDATE nontax.reconciliation_differences
           SET status = 'resolved', resolution = $2, resolution_note = $3, resolved_by = $4, resolved_at = $5
         WHERE difference_id = $1 AND status = 'open'
        """;

    public ReconciliationProjector()
    {
        On<ReconciliationOpened>((batch, fact, opened) => Day(batch, fact, opened.Day));
        On<ReconciliationCompared>((batch, fact, compared) =>
        {
            Day(batch, fact, compared.Day);
            Add(batch, UpsertFileSql,
                Text(compared.Day.BankNode), Date(compared.Day.BusinessDay), Text(compared.MsgNo), Text(compared.FileStatus),
                Int(compared.Run), Int(compared.BatchCount), Long(compared.BankCount), Money(compared.BankAmount),
                Long(compared.FinanceCount), Money(compared.FinanceAmount), Long(compared.MatchedCount), Money(compared.MatchedAmount),
                Int(compared.Differences), Int(compared.FileOpenDifferences), Instant(fact.OccurredAt), Int(compared.Day.Version));
        });
        On<ReconciliationDifferenceResolved>((batch, fact, resolved) =>
        {
            Day(batch, fact, resolved.Day);
            Add(batch, ResolveFileSql,
                Text(resolved.Day.BankNode), Date(resolved.Day.BusinessDay), Text(resolved.MsgNo), Text(resolved.FileStatus),
                Int(resolved.FileOpenDifferences), Int(resolved.Day.Version));
            Add(batch, ResolveDifferenceSql,
                Long(resolved.DifferenceId), Text(resolved.Resolution), Text(resolved.Note), Text(resolved.Operator), Instant(fact.OccurredAt));
        });
    }

    private static void Day(NpgsqlBatch batch, BusinessFact fact, ReconciliationDayFigures day) =>
        Add(batch, UpsertDaySql,
            Text(day.BankNode), Date(day.BusinessDay), Text(day.Status), Int(day.FilesCompared), Int(day.OpenDifferences),
            Int(day.ResolvedDifferences), Bool(day.FileMissingAlerted), Instant(fact.OccurredAt), Int(day.Version));
}
