using Npgsql;

namespace NonTax.BankSimulator.Load;

/// <summary>
/// Reads what the ledger tables hold for the codes a run touched and judges it against what the
/// banks were told. The system writes its projection after answering, so a missing row is
/// re-read until <paramref name="wait"/> has passed; a duplicated row fails at once.
/// </summary>
public sealed class LedgerChecker(string connectionString, string schema, TimeSpan wait)
{
    public async Task<LedgerVerdict> CheckAsync(IReadOnlyCollection<Acknowledgement> acknowledged, CancellationToken cancellationToken)
    {
        if (schema is not ("nontax" or "conventional"))
        {
            throw new ArgumentException($"ledger schema {schema} is neither nontax nor conventional");
        }

        var codes = acknowledged.Select(a => a.PayCode).Distinct(StringComparer.Ordinal).ToArray();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var verdict = LedgerVerdict.Judge(acknowledged, await ConfirmationsAsync(dataSource, codes, cancellationToken), await RefundsAsync(dataSource, codes, cancellationToken));
            if (verdict.Missing.Count == 0 || verdict.Violations.Count > 0 || DateTime.UtcNow >= deadline)
            {
                return verdict;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private async Task<List<StoredConfirmation>> ConfirmationsAsync(NpgsqlDataSource dataSource, string[] codes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT pay_code, src, tra_no_bus, outcome FROM {schema}.payment_confirmations WHERE pay_code = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = codes });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<StoredConfirmation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredConfirmation(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    private async Task<List<StoredRefund>> RefundsAsync(NpgsqlDataSource dataSource, string[] codes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT pay_code, bank, ori_tra_no_bus FROM {schema}.technical_refunds WHERE pay_code = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = codes });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<StoredRefund>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredRefund(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
