using NonTax.Grains.Abstractions.MoneyFlow;
using Npgsql;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>
/// Clearing's reads: reconciliation status (<c>reconciliation_days</c>, written by reconciliation;
/// absent until that component is installed, which reads as "not reconciled"), the day's revenue
/// by item from <c>payment_confirmations</c> and <c>notice_lines</c>, and the rule in force from
/// <c>clearing_rules</c>.
/// </summary>
public sealed class ClearingQueries(NpgsqlDataSource dataSource) : IClearingSource
{
    private const string StatusSql = """
        SELECT status FROM nontax.reconciliation_days WHERE bank_node = $1 AND business_day = $2
        """;

    // A payment's amount beyond its lines (the late fee) goes with its first line's item.
    private const string RevenueSql = """
        WITH paid AS (
            SELECT pay_code, payee_acct, amount FROM nontax.payment_confirmations
             WHERE src = $1 AND cfm_date = $2 AND outcome = 'revenue'),
        lines AS (
            SELECT p.payee_acct, l.item_code, l.line_no, l.amount, p.amount - sum(l.amount) OVER (PARTITION BY l.pay_code) AS extra
              FROM paid p JOIN nontax.notice_lines l ON l.pay_code = p.pay_code)
        SELECT payee_acct, item_code, sum(amount + CASE WHEN line_no = 1 THEN extra ELSE 0 END)::numeric(17,2)
          FROM lines GROUP BY payee_acct, item_code ORDER BY payee_acct, item_code
        """;

    private const string ConfirmedSql = """
        SELECT coalesce(sum(amount), 0)::numeric(17,2), count(*)::int FROM nontax.payment_confirmations
         WHERE src = $1 AND cfm_date = $2 AND outcome = 'revenue'
        """;

    private const string RuleSql = """
        SELECT version, effective_from, fund_type, remit_mode, remainder_account_no FROM nontax.clearing_rules
         WHERE item_code = $1 AND status = 'approved' AND effective_from <= $2
         ORDER BY effective_from DESC, version DESC LIMIT 1
        """;

    private const string SharesSql = """
        SELECT budget_level, account_no, account_name, coalesce(bank_no, ''), ratio FROM nontax.clearing_rule_shares
         WHERE item_code = $1 AND version = $2 ORDER BY share_no
        """;

    private const string DaysSql = """
        SELECT d.bank_node, d.business_day FROM nontax.reconciliation_days d
         WHERE d.business_day >= $1 AND d.status IN ('matched', 'resolved')
           AND NOT EXISTS (SELECT 1 FROM nontax.clearing_days c WHERE c.bank_node = d.bank_node AND c.business_day = d.business_day)
         ORDER BY d.business_day, d.bank_node LIMIT $2
        """;

    public async Task<string?> ReconciliationStatusAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default)
    {
        if (!await ReconciliationInstalledAsync(cancellationToken))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(StatusSql);
        command.Parameters.AddWithValue(bankNode);
        command.Parameters.AddWithValue(day);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<DayRevenue> RevenueAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for both reads, so a payment committed in between cannot make them disagree.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var rows = new List<RevenueRow>();
        await using (var command = new NpgsqlCommand(RevenueSql, connection, transaction))
        {
            command.Parameters.AddWithValue(bankNode);
            command.Parameters.AddWithValue(day);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new RevenueRow(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2)));
            }
        }

        await using (var command = new NpgsqlCommand(ConfirmedSql, connection, transaction))
        {
            command.Parameters.AddWithValue(bankNode);
            command.Parameters.AddWithValue(day);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var total = reader.GetDecimal(0);
            var count = reader.GetInt32(1);
            await reader.CloseAsync();
            await transaction.CommitAsync(cancellationToken);
            return new DayRevenue(rows, total, count);
        }
    }

    public async Task<RuleInForce?> RuleOnAsync(string itemCode, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int version;
        DateOnly effectiveFrom;
        string fundType, remainder;
        int remitMode;
        await using (var command = new NpgsqlCommand(RuleSql, connection))
        {
            command.Parameters.AddWithValue(itemCode);
            command.Parameters.AddWithValue(day);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            version = reader.GetInt32(0);
            effectiveFrom = reader.GetFieldValue<DateOnly>(1);
            fundType = reader.GetString(2);
            remitMode = reader.GetInt16(3);
            remainder = reader.GetString(4);
        }

        var shares = new List<ClearingShare>();
        await using (var command = new NpgsqlCommand(SharesSql, connection))
        {
            command.Parameters.AddWithValue(itemCode);
            command.Parameters.AddWithValue(version);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                shares.Add(new ClearingShare(reader.GetInt16(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(4), reader.GetString(3)));
            }
        }

        return new RuleInForce(version, new ClearingRule(itemCode, effectiveFrom, fundType, remitMode, shares, remainder));
    }

    public async Task<IReadOnlyList<BankDay>> DaysToClearAsync(DateOnly from, int limit, CancellationToken cancellationToken = default)
    {
        if (!await ReconciliationInstalledAsync(cancellationToken))
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(DaysSql);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<BankDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new BankDay(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
        }

        return days;
    }

    /// <summary>PostgreSQL resolves a table when it plans a statement, so an absent one must be probed for first.</summary>
    private async Task<bool> ReconciliationInstalledAsync(CancellationToken cancellationToken)
    {
        await using var probe = dataSource.CreateCommand("SELECT to_regclass('nontax.reconciliation_days') IS NOT NULL");
        return await probe.ExecuteScalarAsync(cancellationToken) is true;
    }
}
