using NonTax.Grains.Abstractions.BankAccounts;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.Projection.Queries.BankAccounts;

/// <summary>
/// <c>bank_account_days</c> (0550_bank_account_days.sql): what the BankAccount grains read
/// (<see cref="IBankAccountStore"/>) and what staff see — the accounts with their latest day and one
/// account's days, both paged.
/// </summary>
public sealed class BankAccountQueries(NpgsqlDataSource dataSource) : IBankAccountStore
{
    /// <summary>The largest page the list and the days give.</summary>
    public const int MaxPage = 500;

    private const string DayColumns = """
        d.account_no, d.business_day, d.bank_node, d.msg_no, d.run, d.expected_opening, d.in_num, d.in_amount, d.out_num, d.out_amount,
        d.expected_closing, d.bank_opening, d.bank_in_num, d.bank_in_amount, d.bank_out_num, d.bank_out_amount, d.bank_closing,
        d.closed_version, d.closed_at
        """;

    private const string UnclosedSql = $"""
        SELECT {DayColumns}
          FROM nontax.bank_account_days d
         WHERE d.account_no = $1 AND d.closed_run IS DISTINCT FROM d.run
         ORDER BY d.business_day
         LIMIT $2
        """;

    private const string FileAccountsSql = """
        SELECT account_no FROM nontax.bank_account_days
         WHERE bank_node = $1 AND business_day = $2 AND msg_no = $3 AND account_no > $4
         ORDER BY account_no
         LIMIT $5
        """;

    private const string AccountsSql = $"""
        SELECT {DayColumns}, a.days, a.not_matching
          FROM (SELECT account_no, count(*) AS days,
                       count(*) FILTER (WHERE bank_closing IS DISTINCT FROM expected_closing) AS not_matching
                  FROM nontax.bank_account_days
                 WHERE account_no > $1
                 GROUP BY account_no
                 ORDER BY account_no
                 LIMIT $2) a
         CROSS JOIN LATERAL (SELECT * FROM nontax.bank_account_days l WHERE l.account_no = a.account_no ORDER BY l.business_day DESC LIMIT 1) d
         ORDER BY a.account_no
        """;

    private const string DaysSql = $"""
        SELECT {DayColumns}
          FROM nontax.bank_account_days d
         WHERE d.account_no = $1 AND ($2::date IS NULL OR d.business_day < $2)
         ORDER BY d.business_day DESC
         LIMIT $3
        """;

    public async Task<IReadOnlyList<BankAccountDay>> ReadUnclosedAsync(string accountNo, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(UnclosedSql);
        command.Parameters.Add(Text(accountNo));
        command.Parameters.Add(Int(limit));
        return await ReadDaysAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ReadFileAccountsAsync(string bankNode, DateOnly businessDay, string msgNo, string afterAccount, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(FileAccountsSql);
        command.Parameters.Add(Text(bankNode));
        command.Parameters.Add(new NpgsqlParameter { Value = businessDay, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(Text(msgNo));
        command.Parameters.Add(Text(afterAccount));
        command.Parameters.Add(Int(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(reader.GetString(0));
        }

        return accounts;
    }

    /// <summary>Accounts with at least one day, by account number after <paramref name="afterAccount"/>.</summary>
    public async Task<IReadOnlyList<BankAccountSummary>> AccountsAsync(string? afterAccount, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(AccountsSql);
        command.Parameters.Add(Text(afterAccount ?? ""));
        command.Parameters.Add(Int(Math.Clamp(limit, 1, MaxPage)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<BankAccountSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = ReadDay(reader);
            accounts.Add(new BankAccountSummary(day.AccountNo, day, reader.GetInt64(19), reader.GetInt64(20)));
        }

        return accounts;
    }

    /// <summary>An account's days, latest first, before <paramref name="beforeDay"/> when given.</summary>
    public async Task<IReadOnlyList<BankAccountDay>> DaysAsync(string accountNo, DateOnly? beforeDay, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DaysSql);
        command.Parameters.Add(Text(accountNo));
        command.Parameters.Add(new NpgsqlParameter { Value = beforeDay is { } d ? d : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(Int(Math.Clamp(limit, 1, MaxPage)));
        return await ReadDaysAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<BankAccountDay>> ReadDaysAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<BankAccountDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(ReadDay(reader));
        }

        return days;
    }

    private static BankAccountDay ReadDay(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
        Money(reader, 5), reader.GetInt64(6), reader.GetDecimal(7), reader.GetInt64(8), reader.GetDecimal(9), Money(reader, 10),
        Money(reader, 11), Count(reader, 12), Money(reader, 13), Count(reader, 14), Money(reader, 15), Money(reader, 16),
        reader.IsDBNull(17) ? null : reader.GetInt32(17), reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTimeOffset>(18));

    private static decimal? Money(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    private static long? Count(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Int(int value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };
}
