using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.Reconciliation;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.SocketEdge.Reconciliation;

/// <summary>The 2556 (<c>reconciliation_account_days</c>) or 2581 (<c>reconciliation_supervised_days</c>) accounts of one batch.</summary>
public sealed class AccountDayRecords(string msgNo, IReadOnlyList<AccountReconciliation.Detail> details) : IReconciliationRecords
{
    public string Table => msgNo == MsgNos.SupervisedAccountStatement ? "nontax.reconciliation_supervised_days" : "nontax.reconciliation_account_days";

    public string CopyCommand =>
        $"COPY {Table} (bank_node, business_day, acct_no, batch_no, in_num, in_amount, out_num, out_amount, opening_bal, closing_bal) FROM STDIN (FORMAT BINARY)";

    public string KeyName => "AcctNo";

    public async Task WriteAsync(NpgsqlBinaryImporter importer, ReconciliationBatch batch, CancellationToken cancellationToken)
    {
        foreach (var detail in details)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(batch.BankNode, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(batch.BusinessDay, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(detail.AcctNo, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(batch.BatchNo, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(detail.InNum, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(detail.InAmt, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(detail.OutNum, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(detail.OutAmt, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(detail.OpeningBal, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(detail.ClosingBal, NpgsqlDbType.Numeric, cancellationToken);
        }
    }
}
