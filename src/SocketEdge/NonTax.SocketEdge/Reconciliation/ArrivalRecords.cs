using NonTax.Protocol.Vouchers.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.SocketEdge.Reconciliation;

/// <summary>The 2557 credits of one batch, copied into <c>reconciliation_arrivals</c>.</summary>
public sealed class ArrivalRecords(IReadOnlyList<ArrivalReconciliation.Detail> details) : IReconciliationRecords
{
    public string Table => "nontax.reconciliation_arrivals";

    public string CopyCommand =>
        "COPY nontax.reconciliation_arrivals (bank_node, business_day, tra_no, batch_no, acct_no, amount, pay_code) FROM STDIN (FORMAT BINARY)";

    public string KeyName => "TraNo";

    public async Task WriteAsync(NpgsqlBinaryImporter importer, ReconciliationBatch batch, CancellationToken cancellationToken)
    {
        foreach (var detail in details)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(batch.BankNode, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(batch.BusinessDay, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(detail.TraNo, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(batch.BatchNo, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(detail.AcctNo, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(detail.Amt, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(detail.PayCode, NpgsqlDbType.Text, cancellationToken);
        }
    }
}
