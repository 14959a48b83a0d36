using NonTax.Grains.Abstractions.MoneyFlow;
using Npgsql;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>
/// Remittance's reads: the day's clearing status (<c>clearing_days</c>), revenue by item and the
/// rule in force (as clearing reads them), the day's payments a page at a time from
/// <c>payment_confirmations</c> and <c>notice_lines</c>, and the instructions the day grain recorded
/// (<c>remittances</c>, <c>remittance_lines</c>).
/// </summary>
public sealed class RemittanceQueries(NpgsqlDataSource dataSource) : IRemittanceSource
{
    private readonly ClearingQueries _clearing = new(dataSource);

    private const string ClearingStatusSql = """
        SELECT status FROM nontax.clearing_days WHERE bank_node = $1 AND business_day = $2
        """;

    // As clearing reads revenue: a payment's amount beyond its lines (the late fee) goes with its first line's item.
    private const string PaymentsSql = """
        WITH paid AS (
            SELECT pay_code, unit_code, coalesce(payee_acct, '') AS payee_acct, amount FROM nontax.payment_confirmations
             WHERE src = $1 AND cfm_date = $2 AND outcome = 'revenue' AND ($3::text IS NULL OR pay_code > $3)
             ORDER BY pay_code LIMIT $4),
        lines AS (
            SELECT p.pay_code, p.unit_code, p.payee_acct, l.item_code, l.line_no, l.amount,
                   p.amount - sum(l.amount) OVER (PARTITION BY l.pay_code) AS extra
              FROM paid p JOIN nontax.notice_lines l ON l.pay_code = p.pay_code)
        SELECT pay_code, unit_code, payee_acct, item_code, sum(amount + CASE WHEN line_no = 1 THEN extra ELSE 0 END)::numeric(17,2)
          FROM lines GROUP BY pay_code, unit_code, payee_acct, item_code ORDER BY pay_code, item_code
        """;

    private const string InstructionSql = """
        SELECT remit_no, bank_node, business_day, remit_type, pay_acct, tre_code, tre_name, budget_level, amount, pay_code, status, result, resent_as
          FROM nontax.remittances WHERE remit_no = $1
        """;

    private const string InstructionsSql = """
        SELECT remit_no, bank_node, business_day, remit_type, pay_acct, tre_code, tre_name, budget_level, amount, pay_code, status, result, resent_as
          FROM nontax.remittances WHERE bank_node = $1 AND business_day = $2 AND ($3::text IS NULL OR remit_no > $3)
         ORDER BY remit_no LIMIT $4
        """;

    private const string LinesSql = """
        SELECT remit_no, line_no, item_code, budget_subject, fund_type, amount, pay_code, rule_version
          FROM nontax.remittance_lines WHERE remit_no = ANY($1) ORDER BY remit_no, line_no
        """;

    private const string DaysSql = """
        SELECT c.bank_node, c.business_day FROM nontax.clearing_days c
         WHERE c.business_day >= $1 AND c.status IN ('cleared', 'nothing')
           AND NOT EXISTS (SELECT 1 FROM nontax.remittance_days r
                            WHERE r.bank_node = c.bank_node AND r.business_day = c.business_day AND r.status NOT IN ('waiting', 'instructing'))
         ORDER BY c.business_day, c.bank_node LIMIT $2
        """;

    public async Task<string?> ClearingStatusAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ClearingStatusSql);
        command.Parameters.AddWithValue(bankNode);
        command.Parameters.AddWithValue(day);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task<DayRevenue> RevenueAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default) =>
        _clearing.RevenueAsync(bankNode, day, cancellationToken);

    public Task<RuleInForce?> RuleOnAsync(string itemCode, DateOnly day, CancellationToken cancellationToken = default) =>
        _clearing.RuleOnAsync(itemCode, day, cancellationToken);

    public async Task<IReadOnlyList<PaymentItemRow>> PaymentsAsync(string bankNode, DateOnly day, string? afterPayCode, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(PaymentsSql);
        command.Parameters.AddWithValue(bankNode);
        command.Parameters.AddWithValue(day);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)afterPayCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PaymentItemRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PaymentItemRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4)));
        }

        return rows;
    }

    public async Task<RemittanceRecord?> InstructionAsync(string remitNo, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(InstructionSql, connection);
        command.Parameters.AddWithValue(remitNo);
        var found = await ReadInstructionsAsync(connection, command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<RemittanceRecord>> InstructionsAsync(string bankNode, DateOnly day, string? afterRemitNo, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(InstructionsSql, connection);
        command.Parameters.AddWithValue(bankNode);
        command.Parameters.AddWithValue(day);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)afterRemitNo ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(limit);
        return await ReadInstructionsAsync(connection, command, cancellationToken);
    }

    public async Task<IReadOnlyList<BankDay>> DaysToRemitAsync(DateOnly from, int limit, CancellationToken cancellationToken = default)
    {
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

    private static async Task<IReadOnlyList<RemittanceRecord>> ReadInstructionsAsync(NpgsqlConnection connection, NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var heads = new List<RemittanceRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                heads.Add(new RemittanceRecord(
                    reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt16(3), reader.GetString(4),
                    reader.GetString(5), reader.GetString(6), reader.GetInt16(7), reader.GetDecimal(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11), [],
                    reader.IsDBNull(12) ? null : reader.GetString(12)));
            }
        }

        if (heads.Count == 0)
        {
            return heads;
        }

        var lines = heads.ToDictionary(h => h.RemitNo, _ => new List<RemittanceLine>(), StringComparer.Ordinal);
        await using (var linesCommand = new NpgsqlCommand(LinesSql, connection))
        {
            linesCommand.Parameters.AddWithValue(heads.Select(h => h.RemitNo).ToArray());
            await using var reader = await linesCommand.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lines[reader.GetString(0)].Add(new RemittanceLine(reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetDecimal(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(7)));
            }
        }

        return [.. heads.Select(h => h with { Lines = lines[h.RemitNo] })];
    }
}
