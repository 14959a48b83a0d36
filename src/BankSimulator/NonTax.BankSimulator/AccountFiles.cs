using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.Reconciliation;
using Npgsql;

namespace NonTax.BankSimulator;

/// <summary>
/// A bank's 2557 (credits to fiscal accounts) and 2556/2581 (each account's day) for a business
/// day, built from what that bank really did — the same sandbox shortcut as the 2555 in
/// <see cref="Reconcile"/>: the simulator keeps no ledger, so it reads the sandbox's own record of
/// this bank's accepted payments (<c>payment_confirmations</c>) and reported movements
/// (<c>account_movements</c>); the opening balance is the closing balance the bank stated for the
/// account the day before (0 for an account it never reported).
/// </summary>
public static class AccountFiles
{
    private const string CreditsSql = """
        SELECT tra_no_bus, coalesce(payee_acct, ''), amount, pay_code FROM nontax.payment_confirmations
         WHERE src = $1 AND cfm_date = $2 AND outcome IN ('revenue', 'duplicate')
        UNION ALL
        SELECT reference_no, account_no, amount, coalesce(pay_code, '') FROM nontax.account_movements
         WHERE bank_node = $1 AND business_day = $2 AND direction = 'in'
        ORDER BY 1
        """;

    private const string DebitsSql = """
        SELECT account_no, count(*), sum(amount) FROM nontax.account_movements
         WHERE bank_node = $1 AND business_day = $2 AND direction = 'out'
         GROUP BY account_no
        """;

    private const string PreviousClosingSql = """
        SELECT acct_no, closing_bal FROM nontax.reconciliation_account_days WHERE bank_node = $1 AND business_day = $2 - 1
        UNION ALL
        SELECT acct_no, closing_bal FROM nontax.reconciliation_supervised_days WHERE bank_node = $1 AND business_day = $2 - 1
        """;

    /// <summary>Every credit the sandbox recorded for <paramref name="bank"/> on <paramref name="day"/>, in TraNo order.</summary>
    public static async Task<List<ArrivalReconciliation.Detail>> ReadCreditsAsync(string connectionString, string bank, DateOnly day, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(CreditsSql);
        command.Parameters.AddWithValue(bank);
        command.Parameters.AddWithValue(day);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var credits = new List<ArrivalReconciliation.Detail>();
        while (await reader.ReadAsync(cancellationToken))
        {
            credits.Add(new ArrivalReconciliation.Detail(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetString(3)));
        }

        return credits;
    }

    /// <summary>Each account's day from <paramref name="credits"/> and the recorded debits, in account order.</summary>
    public static async Task<List<AccountReconciliation.Detail>> ReadAccountsAsync(string connectionString, string bank, DateOnly day,
        IReadOnlyList<ArrivalReconciliation.Detail> credits, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var debits = new Dictionary<string, (long Num, decimal Amt)>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(DebitsSql))
        {
            command.Parameters.AddWithValue(bank);
            command.Parameters.AddWithValue(day);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                debits[reader.GetString(0)] = (reader.GetInt64(1), reader.GetDecimal(2));
            }
        }

        var opening = new Dictionary<string, decimal>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(PreviousClosingSql))
        {
            command.Parameters.AddWithValue(bank);
            command.Parameters.AddWithValue(day);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                opening[reader.GetString(0)] = reader.GetDecimal(1);
            }
        }

        var inByAccount = credits.GroupBy(c => c.AcctNo, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (Num: (long)g.Count(), Amt: g.Sum(c => c.Amt)), StringComparer.Ordinal);
        return
        [
            .. inByAccount.Keys.Union(debits.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(acct =>
            {
                var (inNum, inAmt) = inByAccount.GetValueOrDefault(acct);
                var (outNum, outAmt) = debits.GetValueOrDefault(acct);
                var open = opening.GetValueOrDefault(acct);
                return new AccountReconciliation.Detail(acct, inNum, inAmt, outNum, outAmt, open, open + inAmt - outAmt);
            }),
        ];
    }

    /// <summary>The 2557 message of a day (one message).</summary>
    public static IReadOnlyList<(string Name, string Value)> ArrivalMessage(string bankCode, DateOnly day, IReadOnlyList<ArrivalReconciliation.Detail> credits) =>
        OutboundVoucher.ToFields("2557", new ArrivalReconciliation(day, bankCode, credits.Count, credits.Sum(c => c.Amt), credits));

    /// <summary>The 2556 or 2581 message of a day (one message).</summary>
    public static IReadOnlyList<(string Name, string Value)> AccountMessage(string msgNo, string bankCode, DateOnly day, IReadOnlyList<AccountReconciliation.Detail> accounts) =>
        OutboundVoucher.ToFields(msgNo, new AccountReconciliation(day, bankCode, accounts.Count, accounts.Sum(a => a.InAmt), accounts.Sum(a => a.OutAmt), accounts));
}
