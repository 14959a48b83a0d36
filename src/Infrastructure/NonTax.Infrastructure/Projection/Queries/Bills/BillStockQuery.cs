using Npgsql;

namespace NonTax.Infrastructure.Projection.Queries.Bills;

/// <summary>
/// Stock reports over the bill tables (0700_bill_stock.sql): finance's stock, a unit's stock, the
/// movement history of a holder or a code, and a unit's usage of numbers.
/// </summary>
public sealed class BillStockQuery(NpgsqlDataSource dataSource)
{
    private const string StockSql = """
        SELECT bill_code, medium, holder, held_by_unit, count(*)::int,
               coalesce(sum(range_last - next_unused + 1), 0)::bigint,
               coalesce(sum(next_unused - range_first), 0)::bigint,
               coalesce(sum(voided), 0)::bigint
          FROM nontax.bill_ranges
         WHERE ($1::text IS NULL OR holder = $1) AND held_by_unit = $2
         GROUP BY bill_code, medium, holder, held_by_unit
         ORDER BY holder, bill_code
        """;

    /// <summary>Finance's stock (ranges not at any unit), by bill code.</summary>
    public Task<IReadOnlyList<BillStockLine>> FinanceStockAsync(CancellationToken cancellationToken = default) =>
        StockAsync(null, heldByUnit: false, cancellationToken);

    /// <summary>A unit's stock, or every unit's when <paramref name="unitCode"/> is null, by bill code.</summary>
    public Task<IReadOnlyList<BillStockLine>> UnitStockAsync(string? unitCode, CancellationToken cancellationToken = default) =>
        StockAsync(unitCode, heldByUnit: true, cancellationToken);

    /// <summary>Movements from or to <paramref name="holder"/> (or of <paramref name="billCode"/>), newest first.</summary>
    public async Task<IReadOnlyList<BillMovementRow>> MovementsAsync(string? holder, string? billCode, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT bill_code, movement, first_number, last_number, from_holder, to_holder, operator, note, occurred_at
              FROM nontax.bill_movements
             WHERE ($1::text IS NULL OR from_holder = $1 OR to_holder = $1) AND ($2::text IS NULL OR bill_code = $2)
             ORDER BY occurred_at DESC, fact_id DESC
             LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)holder ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)billCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var rows = new List<BillMovementRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new BillMovementRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return rows;
    }

    /// <summary>The numbers a unit took (usage history), newest first.</summary>
    public async Task<IReadOnlyList<BillNumberRow>> UsageAsync(string unitCode, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT bill_code, number, unit_code, medium, status, taken_at, pay_code, voided_at, void_reason, returned_at
              FROM nontax.bill_numbers
             WHERE unit_code = $1
             ORDER BY taken_at DESC, bill_code, number DESC
             LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = unitCode });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var rows = new List<BillNumberRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new BillNumberRow(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return rows;
    }

    private async Task<IReadOnlyList<BillStockLine>> StockAsync(string? holder, bool heldByUnit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(StockSql);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)holder ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = heldByUnit });
        var lines = new List<BillStockLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new BillStockLine(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetInt32(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        }

        return lines;
    }
}
