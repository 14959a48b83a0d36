using Npgsql;
using NpgsqlTypes;

namespace NonTax.Frontend.Clearing;

/// <summary>
/// Clearing status of a business day from the projection the clearing grains write
/// (<c>nontax.clearing_days</c>) beside each bank's reconciliation (<c>nontax.reconciliation_days</c>):
/// a bank that reconciled but has no clearing row yet is waiting.
/// </summary>
public sealed class ClearingStatusQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ClearingDayRow>> DayAsync(DateOnly businessDay, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT coalesce(c.bank_node, r.bank_node), $1::date, r.status, c.status, c.clear_no, c.line_count, c.amount, c.instructed_at,
                   c.result, c.result_information, c.finished_at
              FROM (SELECT bank_node, status FROM nontax.reconciliation_days WHERE business_day = $1) r
              FULL JOIN (SELECT * FROM nontax.clearing_days WHERE business_day = $1) c ON c.bank_node = r.bank_node
             ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = businessDay, NpgsqlDbType = NpgsqlDbType.Date });
        var rows = new List<ClearingDayRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ClearingDayRow(
                reader.GetString(0), reader.GetFieldValue<DateOnly>(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetDecimal(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return rows;
    }

    public static string TextOf(string? status) => status switch
    {
        null => "等待（未对账或缺分成规则）",
        "instructed" => "已发清分指令，待银行回执",
        "cleared" => "已清分",
        "failed" => "清分失败",
        "nothing" => "当日无收入",
        _ => status,
    };
}
