using System.Globalization;
using NonTax.Protocol.Vouchers.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.SocketEdge.Reconciliation;

/// <summary>The 2555 payments of one batch, copied into <c>reconciliation_payments</c>.</summary>
public sealed class TransactionRecords(IReadOnlyList<TransactionReconciliation.Detail> details) : IReconciliationRecords
{
    public string Table => "nontax.reconciliation_payments";

    public string CopyCommand =>
        "COPY nontax.reconciliation_payments (bank_node, business_day, tra_no_bus, batch_no, pay_code, cfm_date, cfm_time, amount, pay_mode) FROM STDIN (FORMAT BINARY)";

    public string KeyName => "TraNoBus";

    public async Task WriteAsync(NpgsqlBinaryImporter importer, ReconciliationBatch batch, CancellationToken cancellationToken)
    {
        foreach (var detail in details)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(batch.BankNode, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(batch.BusinessDay, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(detail.TraNoBus, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(batch.BatchNo, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(detail.PayCode, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(detail.CfmDate, NpgsqlDbType.Date, cancellationToken);
            // The same text form as payment_confirmations.cfm_time, so the comparison is textual.
            await importer.WriteAsync(detail.CfmTime.ToString("HHmmss", CultureInfo.InvariantCulture), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(detail.Amt, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(detail.PayMode.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text, cancellationToken);
        }
    }
}
