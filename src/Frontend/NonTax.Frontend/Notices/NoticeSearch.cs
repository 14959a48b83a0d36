using System.Security.Claims;
using NonTax.Frontend.Rights;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Frontend.Notices;

/// <summary>
/// Searches notices in the relational projection (<c>nontax.notices</c>), never by walking
/// grains. A unit's user sees their unit only, whatever unit they ask for.
/// </summary>
public sealed class NoticeSearch(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<NoticeSummary>> FindAsync(ClaimsPrincipal user, NoticeFilter filter)
    {
        var scope = UserScope.Of(user);
        var unit = scope.UnitCode ?? (string.IsNullOrWhiteSpace(filter.UnitCode) ? null : filter.UnitCode.Trim());
        await using var command = dataSource.CreateCommand("""
            SELECT pay_code, unit_code, issue_date, last_payable_date, payer_name, notice_amount, status, paid_src, paid_cfm_date
              FROM nontax.notices
             WHERE ($1::text IS NULL OR unit_code = $1)
               AND ($2::text IS NULL OR pay_code = $2)
               AND ($3::text IS NULL OR payer_name LIKE '%' || $3 || '%')
               AND ($4::text IS NULL OR status = $4)
               AND ($5::date IS NULL OR issue_date >= $5)
               AND ($6::date IS NULL OR issue_date <= $6)
             ORDER BY issued_at DESC
             LIMIT $7
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)unit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Blank(filter.PayCode), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Blank(filter.PayerName), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Blank(filter.Status), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(filter.Limit, 1, 500) });
        var rows = new List<NoticeSummary>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new NoticeSummary(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3),
                reader.GetString(4), reader.GetDecimal(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8)));
        }

        return rows;
    }

    private static object Blank(string? value) => string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim();
}
