using NonTax.Grains.Abstractions.EBills;
using Npgsql;

namespace NonTax.Infrastructure.Projection.Queries.EBills;

/// <summary>
/// <see cref="IEBillArchive"/> over <c>nontax.ebills</c> (0710_ebills.sql). The row commits with the
/// notice's write that issued the bill, so a bill is here when the exchange returns.
/// </summary>
public sealed class EBillArchive(NpgsqlDataSource dataSource) : IEBillArchive
{
    private const string Columns = """
        bill_code, bill_number, pay_code, unit_code, red_letter, related_code, related_number, check_code, total_amount, payer_name,
        issued_at, document
        """;

    public async Task<StoredEBill?> FindAsync(string billCode, long billNumber, CancellationToken cancellationToken = default)
    {
        var bills = await ReadAsync($"SELECT {Columns} FROM nontax.ebills WHERE bill_code = $1 AND bill_number = $2", cancellationToken, billCode, billNumber);
        return bills.Count == 0 ? null : bills[0];
    }

    public Task<IReadOnlyList<StoredEBill>> ForNoticeAsync(string payCode, CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {Columns} FROM nontax.ebills WHERE pay_code = $1 ORDER BY red_letter, issued_at", cancellationToken, payCode);

    private async Task<IReadOnlyList<StoredEBill>> ReadAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var bills = new List<StoredEBill>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bills.Add(new StoredEBill(
                reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.GetString(7),
                reader.GetDecimal(8), reader.GetString(9), reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<byte[]>(11)));
        }

        return bills;
    }
}
