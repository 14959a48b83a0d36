using Npgsql;

namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>An item's clearing rule versions from <c>clearing_rules</c>, newest first, for staff.</summary>
public static class ClearingRuleLog
{
    /// <summary>One version as staff see it.</summary>
    public sealed record Version(
        int Number, DateOnly EffectiveFrom, string FundType, int RemitMode, string RemainderAccountNo, string Status,
        string ProposedBy, DateTimeOffset ProposedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason, IReadOnlyList<Share> Shares);

    /// <summary>One share of a version.</summary>
    public sealed record Share(int BudgetLevel, string AccountNo, string AccountName, decimal Ratio);

    private const string Sql = """
        SELECT r.version, r.effective_from, r.fund_type, r.remit_mode, r.remainder_account_no, r.status, r.proposed_by, r.proposed_at,
               r.decided_by, r.decided_at, r.reason, s.budget_level, s.account_no, s.account_name, s.ratio
          FROM nontax.clearing_rules r JOIN nontax.clearing_rule_shares s ON s.item_code = r.item_code AND s.version = r.version
         WHERE r.item_code = $1
         ORDER BY r.version DESC, s.share_no
        """;

    public static async Task<IReadOnlyList<Version>> VersionsAsync(NpgsqlDataSource dataSource, string itemCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue(itemCode);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<Version>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var share = new Share(reader.GetInt16(11), reader.GetString(12), reader.GetString(13), reader.GetDecimal(14));
            var number = reader.GetInt32(0);
            if (versions.Count > 0 && versions[^1].Number == number)
            {
                ((List<Share>)versions[^1].Shares).Add(share);
                continue;
            }

            versions.Add(new Version(number, reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetInt16(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), new List<Share> { share }));
        }

        return versions;
    }
}
