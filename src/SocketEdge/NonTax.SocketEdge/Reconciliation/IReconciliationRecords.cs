using Npgsql;

namespace NonTax.SocketEdge.Reconciliation;

/// <summary>The detail rows of one file kind: which table holds them, and how a batch's rows are copied into it.</summary>
public interface IReconciliationRecords
{
    /// <summary>The records' table; it has bank_node, business_day and batch_no columns.</summary>
    string Table { get; }

    /// <summary>The COPY … FROM STDIN (FORMAT BINARY) command, column list included.</summary>
    string CopyCommand { get; }

    /// <summary>What makes two records the same one (named in a refusal when a batch repeats one stored in another).</summary>
    string KeyName { get; }

    /// <summary>Writes the batch's rows (bank node, business day and batch number are given).</summary>
    Task WriteAsync(NpgsqlBinaryImporter importer, ReconciliationBatch batch, CancellationToken cancellationToken);
}
