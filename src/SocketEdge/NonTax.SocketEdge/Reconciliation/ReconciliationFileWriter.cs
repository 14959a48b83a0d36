using Npgsql;
using NpgsqlTypes;

namespace NonTax.SocketEdge.Reconciliation;

/// <summary>
/// Stores one batch of a bank's reconciliation file in one transaction, before the bank is
/// answered: the batch row, its records (binary COPY, so a 4 MiB frame of records is one round
/// trip) and, when this batch completes the file, the day's pending mark for the comparison. A
/// batch whose BatchCount or declared totals differ from the stored batches' starts a new file and
/// replaces them; the same batch number again replaces that batch. A refusal stores nothing.
/// Concurrent batches of one file are serialized on an advisory lock of the file's key.
/// </summary>
public sealed class ReconciliationFileWriter(NpgsqlDataSource dataSource)
{
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended($1, 555))";

    private const string StoredHeaderSql = """
        SELECT batch_count, declared_count, declared_amount
          FROM nontax.reconciliation_batches
         WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3
         LIMIT 1
        """;

    private const string DeleteFileBatchesSql = """
        DELETE FROM nontax.reconciliation_batches WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3
        """;

    private const string DeleteBatchSql = """
        DELETE FROM nontax.reconciliation_batches WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3 AND batch_no = $4
        """;

    private const string InsertBatchSql = """
        INSERT INTO nontax.reconciliation_batches
               (bank_node, business_day, msg_no, batch_no, batch_count, bank_code, declared_count, declared_amount, record_count, record_amount, msg_id, file_seq)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, nextval('nontax.reconciliation_file_seq'))
        RETURNING file_seq
        """;

    private const string TotalsSql = """
        SELECT count(*)::int, coalesce(sum(record_count), 0)::bigint, coalesce(sum(record_amount), 0)
          FROM nontax.reconciliation_batches
         WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3
        """;

    private const string MarkPendingSql = """
        INSERT INTO nontax.reconciliation_pending (bank_node, business_day, file_seq) VALUES ($1, $2, $3)
        ON CONFLICT (bank_node, business_day) DO UPDATE SET file_seq = EXCLUDED.file_seq, due_at = now()
        """;

    public async Task<StoreBatchResult> StoreAsync(ReconciliationBatch batch, IReconciliationRecords records, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, LockSql, cancellationToken, Text($"{batch.BankNode}:{batch.BusinessDay:yyyyMMdd}:{batch.MsgNo}"));

        var sameFile = true;
        await using (var stored = Command(connection, transaction, StoredHeaderSql, FileKey(batch)))
        await using (var reader = await stored.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                sameFile = reader.GetInt32(0) == batch.BatchCount && reader.GetInt64(1) == batch.DeclaredCount && reader.GetDecimal(2) == batch.DeclaredAmount;
            }
        }

        if (sameFile)
        {
            await ExecuteAsync(connection, transaction, DeleteBatchSql, cancellationToken, [.. FileKey(batch), Int(batch.BatchNo)]);
            await ExecuteAsync(connection, transaction,
                $"DELETE FROM {records.Table} WHERE bank_node = $1 AND business_day = $2 AND batch_no = $3", cancellationToken,
                Text(batch.BankNode), Date(batch.BusinessDay), Int(batch.BatchNo));
        }
        else
        {
            await ExecuteAsync(connection, transaction, DeleteFileBatchesSql, cancellationToken, FileKey(batch));
            await ExecuteAsync(connection, transaction,
                $"DELETE FROM {records.Table} WHERE bank_node = $1 AND business_day = $2", cancellationToken,
                Text(batch.BankNode), Date(batch.BusinessDay));
        }

        try
        {
            await using var importer = await connection.BeginBinaryImportAsync(records.CopyCommand, cancellationToken);
            await records.WriteAsync(importer, batch, cancellationToken);
            await importer.CompleteAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            return StoreBatchResult.Refused($"{records.KeyName}: a record of this batch is already in another batch of the file ({exception.Detail})");
        }

        long fileSeq;
        await using (var insert = Command(connection, transaction, InsertBatchSql,
            [.. FileKey(batch), Int(batch.BatchNo), Int(batch.BatchCount), Text(batch.BankCode), Long(batch.DeclaredCount), Money(batch.DeclaredAmount),
             Long(batch.RecordCount), Money(batch.RecordAmount), Text(batch.MsgId)]))
        {
            fileSeq = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        int batches;
        long count;
        decimal amount;
        await using (var totals = Command(connection, transaction, TotalsSql, FileKey(batch)))
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (batches, count, amount) = (reader.GetInt32(0), reader.GetInt64(1), reader.GetDecimal(2));
        }

        var complete = batches == batch.BatchCount;
        if (complete)
        {
            if (count != batch.DeclaredCount || amount != batch.DeclaredAmount)
            {
                await transaction.RollbackAsync(cancellationToken);
                return StoreBatchResult.Refused(
                    $"AllNum/AllAmt: the file's {batches} batches hold {count} records of {amount:0.00}, the header says {batch.DeclaredCount} of {batch.DeclaredAmount:0.00}");
            }

            await ExecuteAsync(connection, transaction, MarkPendingSql, cancellationToken, Text(batch.BankNode), Date(batch.BusinessDay), Long(fileSeq));
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoreBatchResult(true, complete, batches, null);
    }

    private static NpgsqlParameter[] FileKey(ReconciliationBatch batch) => [Text(batch.BankNode), Date(batch.BusinessDay), Text(batch.MsgNo)];

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    internal static NpgsqlParameter Date(DateOnly value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Date };

    internal static NpgsqlParameter Int(int value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };

    internal static NpgsqlParameter Long(long value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Bigint };

    internal static NpgsqlParameter Money(decimal value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Numeric };
}
