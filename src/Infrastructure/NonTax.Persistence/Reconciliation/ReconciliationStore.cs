using System.Data;
using NonTax.Grains.Abstractions.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Persistence.Reconciliation;

/// <summary>
/// <see cref="IReconciliationStore"/> over the tables of 0500_reconciliation.sql. A comparison is
/// one REPEATABLE READ transaction, so all its statements see one snapshot of the bank's file and
/// of the system's records even while the bank resends a batch.
/// </summary>
public sealed class ReconciliationStore(NpgsqlDataSource dataSource) : IReconciliationStore
{
    private const string FilesSql = """
        SELECT msg_no, max(batch_count), count(*)::int, max(file_seq),
               (array_agg(msg_id ORDER BY file_seq DESC))[1], (array_agg(bank_code ORDER BY file_seq DESC))[1]
          FROM nontax.reconciliation_batches
         WHERE bank_node = $1 AND business_day = $2
         GROUP BY msg_no
         ORDER BY msg_no
        """;

    /// <summary>Differences of earlier runs this run did not find again are cleared by it (kept, with the run).</summary>
    private const string ClearSql = """
        UPDATE nontax.reconciliation_differences
           SET status = 'cleared', cleared_run = $4, cleared_at = now()
         WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3 AND last_run < $4 AND status <> 'cleared'
        """;

    private const string CountsSql = """
        SELECT count(*) FILTER (WHERE last_run = $4)::int,
               count(*) FILTER (WHERE last_run = $4 AND status = 'open')::int,
               count(*) FILTER (WHERE cleared_run = $4)::int
          FROM nontax.reconciliation_differences
         WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3
        """;

    private const string DifferenceColumns = """
        difference_id, msg_no, record_key, diff_type, field, pay_code, tra_no_bus, bank_value, finance_value, status, last_run,
        resolution, resolution_note, resolved_by, resolved_at, account_no
        """;

    private const string RunDifferencesSql = $"""
        SELECT {DifferenceColumns}
          FROM nontax.reconciliation_differences
         WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3 AND last_run = $4 AND difference_id > $5
         ORDER BY difference_id
         LIMIT $6
        """;

    private const string FindDifferenceSql = $"""
        SELECT {DifferenceColumns}
          FROM nontax.reconciliation_differences
         WHERE bank_node = $1 AND business_day = $2 AND difference_id = $3
        """;

    private const string ClearPendingSql = """
        DELETE FROM nontax.reconciliation_pending WHERE bank_node = $1 AND business_day = $2 AND file_seq <= $3
        """;

    private const string PendingSql = """
        SELECT bank_node, business_day FROM nontax.reconciliation_pending
         WHERE due_at <= now() - $1
         ORDER BY due_at
         LIMIT $2
        """;

    private const string ExpectedBanksSql = """
        SELECT node_code FROM nontax.peers
         WHERE enabled AND kind IN ('agent_bank', 'clearing_bank', 'payment_platform')
         ORDER BY node_code
        """;

    public async Task<IReadOnlyList<StoredFile>> ReadFilesAsync(ReconciliationDay day, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(FilesSql);
        AddDay(command.Parameters, day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<StoredFile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(new StoredFile(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5)));
        }

        return files;
    }

    public async Task<ComparisonSummary> CompareAsync(ReconciliationDay day, string msgNo, int run, CancellationToken cancellationToken = default)
    {
        var (upsertSql, summarySql) = msgNo switch
        {
            TransactionComparisonSql.MsgNo => (TransactionComparisonSql.UpsertDifferences, TransactionComparisonSql.Summary),
            ArrivalComparisonSql.MsgNo => (ArrivalComparisonSql.UpsertDifferences, ArrivalComparisonSql.Summary),
            AccountComparisonSql.FiscalMsgNo or AccountComparisonSql.SupervisedMsgNo => (AccountComparisonSql.UpsertDifferences(msgNo), AccountComparisonSql.Summary(msgNo)),
            _ => throw new NotSupportedException($"No comparison for file {msgNo}."),
        };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        if (msgNo is AccountComparisonSql.FiscalMsgNo or AccountComparisonSql.SupervisedMsgNo)
        {
            // The accounts' days first: the balance difference below reads them.
            foreach (var sql in new[] { AccountComparisonSql.UpsertAccountDays(msgNo), AccountComparisonSql.DeleteStaleAccountDays(msgNo) })
            {
                await using var days = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
                AddDay(days.Parameters, day);
                days.Parameters.Add(Int(run));
                await days.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var upsert = new NpgsqlCommand(upsertSql, connection, transaction) { CommandTimeout = 0 })
        {
            AddDay(upsert.Parameters, day);
            upsert.Parameters.Add(Int(run));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clear = new NpgsqlCommand(ClearSql, connection, transaction) { CommandTimeout = 0 })
        {
            AddDay(clear.Parameters, day);
            clear.Parameters.Add(Text(msgNo));
            clear.Parameters.Add(Int(run));
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        long bankCount, financeCount, matchedCount;
        decimal bankAmount, financeAmount, matchedAmount;
        await using (var summary = new NpgsqlCommand(summarySql, connection, transaction) { CommandTimeout = 0 })
        {
            AddDay(summary.Parameters, day);
            summary.Parameters.Add(Int(run));
            await using var reader = await summary.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (bankCount, bankAmount, financeCount, financeAmount, matchedCount, matchedAmount) =
                (reader.GetInt64(0), reader.GetDecimal(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetInt64(4), reader.GetDecimal(5));
        }

        int differences, open, cleared;
        await using (var counts = new NpgsqlCommand(CountsSql, connection, transaction))
        {
            AddDay(counts.Parameters, day);
            counts.Parameters.Add(Text(msgNo));
            counts.Parameters.Add(Int(run));
            await using var reader = await counts.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (differences, open, cleared) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }

        await transaction.CommitAsync(cancellationToken);
        return new ComparisonSummary(bankCount, bankAmount, financeCount, financeAmount, matchedCount, matchedAmount, differences, open, cleared);
    }

    public async Task<IReadOnlyList<ReconciliationDifference>> ReadRunDifferencesAsync(ReconciliationDay day, string msgNo, int run, long afterId, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(RunDifferencesSql);
        AddDay(command.Parameters, day);
        command.Parameters.Add(Text(msgNo));
        command.Parameters.Add(Int(run));
        command.Parameters.Add(new NpgsqlParameter { Value = afterId, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(Int(limit));
        return await ReadDifferencesAsync(command, cancellationToken);
    }

    public async Task<ReconciliationDifference?> FindDifferenceAsync(ReconciliationDay day, long differenceId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(FindDifferenceSql);
        AddDay(command.Parameters, day);
        command.Parameters.Add(new NpgsqlParameter { Value = differenceId, NpgsqlDbType = NpgsqlDbType.Bigint });
        return (await ReadDifferencesAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task ClearPendingAsync(ReconciliationDay day, long throughSeq, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ClearPendingSql);
        AddDay(command.Parameters, day);
        command.Parameters.Add(new NpgsqlParameter { Value = throughSeq, NpgsqlDbType = NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReconciliationDay>> ReadPendingAsync(TimeSpan grace, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(PendingSql);
        command.Parameters.Add(new NpgsqlParameter { Value = grace, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(Int(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<ReconciliationDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new ReconciliationDay(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
        }

        return days;
    }

    public async Task<IReadOnlyList<string>> ReadExpectedBanksAsync(DateOnly businessDay, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ExpectedBanksSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var banks = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            banks.Add(reader.GetString(0));
        }

        return banks;
    }

    private static async Task<IReadOnlyList<ReconciliationDifference>> ReadDifferencesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReconciliationDifference>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReconciliationDifference(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt16(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9), reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
                reader.GetString(15)));
        }

        return rows;
    }

    private static void AddDay(NpgsqlParameterCollection parameters, ReconciliationDay day)
    {
        parameters.Add(Text(day.BankNode));
        parameters.Add(new NpgsqlParameter { Value = day.BusinessDay, NpgsqlDbType = NpgsqlDbType.Date });
    }

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Int(int value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };
}
