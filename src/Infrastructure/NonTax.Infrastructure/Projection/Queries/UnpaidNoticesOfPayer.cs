using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>
/// Candidates for the 2698 education query: payment codes of a payer's notices that the projection
/// shows unpaid and still payable on <c>today</c>. The projection can lag nothing (it commits with
/// the grain) but the grain stays the authority on the amount due, so callers ask it per code.
/// </summary>
public sealed class UnpaidNoticesOfPayer(NpgsqlDataSource dataSource)
{
    /// <summary>A payer has few open notices; the cap keeps one reply frame bounded whatever the data.</summary>
    public const int MaxNotices = 100;

    // The credit code identifies a payer better than a phone number, so it wins when both are given.
    private const string ByCreditCodeSql = """
        SELECT pay_code FROM nontax.notices
         WHERE payer_credit_code = $1 AND status = 'unpaid' AND last_payable_date >= $2
         ORDER BY issue_date, pay_code
         LIMIT $3
        """;

    private const string ByMobileSql = """
        SELECT pay_code FROM nontax.notices
         WHERE payer_mobile = $1 AND status = 'unpaid' AND last_payable_date >= $2
         ORDER BY issue_date, pay_code
         LIMIT $3
        """;

    public async Task<IReadOnlyList<string>> FindAsync(string? payerCreditCode, string? mobilePhone, DateOnly today, CancellationToken cancellationToken = default)
    {
        var (sql, key) = !string.IsNullOrEmpty(payerCreditCode) ? (ByCreditCodeSql, payerCreditCode)
            : !string.IsNullOrEmpty(mobilePhone) ? (ByMobileSql, mobilePhone)
            : throw new ArgumentException("A payer credit code or a mobile phone is required.");

        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = key, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = today, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = MaxNotices, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var payCodes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            payCodes.Add(reader.GetString(0));
        }

        return payCodes;
    }
}
