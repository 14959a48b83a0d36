using NonTax.Grains.Abstractions.Bills;
using Npgsql;

namespace NonTax.Infrastructure.Projection.Queries.Bills;

/// <summary>
/// <see cref="IBillRangeDirectory"/> over <c>bill_ranges</c> and <c>bill_numbers</c>
/// (0700_bill_stock.sql). The rows commit with the range grains' writes, so a range distributed,
/// taken or voided is visible here when the call that did it returns.
/// </summary>
public sealed class BillRangeDirectory(NpgsqlDataSource dataSource) : IBillRangeDirectory
{
    public Task<IReadOnlyList<long>> OverlappingAsync(string billCode, long first, long last, CancellationToken cancellationToken = default) =>
        FirstsAsync("""
            SELECT range_first FROM nontax.bill_ranges
             WHERE bill_code = $1 AND range_first <= $3 AND range_last >= $2
             ORDER BY range_first
            """, cancellationToken, billCode, first, last);

    public async Task<long?> ContainingAsync(string billCode, long number, CancellationToken cancellationToken = default)
    {
        var firsts = await FirstsAsync("""
            SELECT range_first FROM nontax.bill_ranges
             WHERE bill_code = $1 AND range_first <= $2 AND range_last >= $2
            """, cancellationToken, billCode, number);
        return firsts.Count == 0 ? null : firsts[0];
    }

    public Task<IReadOnlyList<long>> UnitRangesWithStockAsync(string unitCode, string billCode, CancellationToken cancellationToken = default) =>
        FirstsAsync("""
            SELECT range_first FROM nontax.bill_ranges
             WHERE holder = $1 AND held_by_unit AND bill_code = $2 AND next_unused <= range_last
             ORDER BY range_first
            """, cancellationToken, unitCode, billCode);

    public async Task<BillNumberState?> NumberAsync(string billCode, long number, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT unit_code, status, pay_code, returned_at FROM nontax.bill_numbers WHERE bill_code = $1 AND number = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = billCode });
        command.Parameters.Add(new NpgsqlParameter { Value = number });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BillNumberState(billCode, number, reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    public async Task<long> UnitUnusedAsync(string unitCode, string billCode, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT coalesce(sum(range_last - next_unused + 1), 0)::bigint FROM nontax.bill_ranges
             WHERE holder = $1 AND held_by_unit AND bill_code = $2 AND next_unused <= range_last
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitCode });
        command.Parameters.Add(new NpgsqlParameter { Value = billCode });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<long>> FirstsAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var firsts = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            firsts.Add(reader.GetInt64(0));
        }

        return firsts;
    }
}
