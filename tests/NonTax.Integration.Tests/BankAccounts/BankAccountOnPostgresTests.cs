using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Infrastructure.Projection.Queries.BankAccounts;
using NonTax.Integration.Tests.Fixtures;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Integration.Tests.BankAccounts;

/// <summary>
/// BankAccount grains on a real silo and PostgreSQL: a bank's 2556 stored as the edge stores it and
/// the movements the system recorded, compared by the day grain, give each account's day (expected
/// and stated balances) in <c>bank_account_days</c>, closed by the account's grain; a balance off
/// by 0.01 is exactly one difference; a re-run changes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BankAccountOnPostgresTests(PostgresFixture database) : IAsyncLifetime
{
    private static readonly DateOnly Yesterday = new(2026, 3, 9);
    private static readonly DateOnly Today = new(2026, 3, 10);
    private TestSilo _silo = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(database, $"accts-{Guid.NewGuid():N}"[..20], "accounts");
        _dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _silo.DisposeAsync();
    }

    private static string FreshBank() => $"D32068{Random.Shared.Next(0, 100_000):D5}";

    private static string FreshAccount() => $"3200164723605{Random.Shared.Next(0, 10_000_000):D7}";

    /// <summary>A one-batch 2556 of one account, as the edge stores it.</summary>
    private async Task StoreStatementAsync(string bank, DateOnly day, string account, long inNum, decimal inAmt, long outNum, decimal outAmt, decimal opening)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            DELETE FROM nontax.reconciliation_account_days WHERE bank_node = $1 AND business_day = $2
            """, bank, day));
        batch.BatchCommands.Add(Command("""
            INSERT INTO nontax.reconciliation_batches (bank_node, business_day, msg_no, batch_no, batch_count, bank_code, declared_count, declared_amount,
                   record_count, record_amount, msg_id, file_seq)
            VALUES ($1, $2, '2556', 1, 1, '0105', 1, $3, 1, $3, $4, nextval('nontax.reconciliation_file_seq'))
            ON CONFLICT (bank_node, business_day, msg_no, batch_no) DO UPDATE SET file_seq = EXCLUDED.file_seq
            """, bank, day, inAmt, Guid.NewGuid().ToString("N")[..20]));
        batch.BatchCommands.Add(Command("""
            INSERT INTO nontax.reconciliation_account_days (bank_node, business_day, acct_no, batch_no, in_num, in_amount, out_num, out_amount, opening_bal, closing_bal)
            VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9)
            """, bank, day, account, inNum, inAmt, outNum, outAmt, opening, opening + inAmt - outAmt));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>A movement as the account.movement_recorded projector writes it.</summary>
    private async Task RecordMovementAsync(string bank, DateOnly day, string account, string msgNo, string direction, decimal amount, string kind)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            INSERT INTO nontax.account_movements (bank_node, msg_no, reference_no, line_no, account_no, business_day, direction, amount, kind, msg_id, recorded_at)
            VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, 'M1', now())
            """, bank, msgNo, Guid.NewGuid().ToString("N")[..16], account, day, direction, amount, kind));
        await batch.ExecuteNonQueryAsync();
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is DateOnly day ? new NpgsqlParameter { Value = day, NpgsqlDbType = NpgsqlDbType.Date } : new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private Task<ReconciliationDayView> ProcessAsync(string bank, DateOnly day) =>
        _silo.Grains.GetGrain<IReconciliationDayGrain>(new ReconciliationDay(bank, day).Key).Process();

    private Task<long> DifferencesAsync(string bank, DateOnly day, string account) =>
        database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.reconciliation_differences WHERE bank_node = $1 AND business_day = $2 AND account_no = $3 AND status <> 'cleared'",
            bank, day, account);

    [Fact]
    public async Task A_day_of_movements_gives_the_expected_balance_and_the_grain_closes_it()
    {
        var (bank, account) = (FreshBank(), FreshAccount());
        await StoreStatementAsync(bank, Yesterday, account, 0, 0m, 0, 0m, 1000m);
        await ProcessAsync(bank, Yesterday);

        await RecordMovementAsync(bank, Today, account, "2615", "in", 200m, "arrival");
        await RecordMovementAsync(bank, Today, account, "2619", "in", 50.5m, "late_arrival");
        await RecordMovementAsync(bank, Today, account, "2613", "out", 30.25m, "transfer");
        await StoreStatementAsync(bank, Today, account, 2, 250.5m, 1, 30.25m, 1000m);
        await ProcessAsync(bank, Today);

        var queries = new BankAccountQueries(_dataSource);
        var days = await queries.DaysAsync(account, null, 10);
        Assert.Equal([Today, Yesterday], days.Select(d => d.BusinessDay));
        var today = days[0];
        Assert.Equal((1000m, 2L, 250.5m, 1L, 30.25m, 1220.25m), (today.ExpectedOpening, today.InNum, today.InAmount, today.OutNum, today.OutAmount, today.ExpectedClosing));
        Assert.Equal(1220.25m, today.BankClosing);
        Assert.True(today.BalanceMatches);
        Assert.All(days, d => Assert.True(d.Closed));
        Assert.Equal(0L, await DifferencesAsync(bank, Today, account));

        var view = await _silo.Grains.GetGrain<IBankAccountGrain>(account).Get();
        Assert.Equal((Today, 1220.25m, 1220.25m, true, 2), (view.LastClosedDay, view.ExpectedBalance, view.BankBalance, view.LastDayMatches, view.Closings));

        var listed = Assert.Single(await queries.AccountsAsync(account[..^1] + "/", 500), a => a.AccountNo == account);
        Assert.Equal((Today, 2L, 0L), (listed.LatestDay.BusinessDay, listed.Days, listed.DaysNotMatching));
    }

    [Fact]
    public async Task A_balance_off_by_a_cent_is_exactly_one_difference_and_a_rerun_changes_nothing()
    {
        var (bank, account) = (FreshBank(), FreshAccount());
        await StoreStatementAsync(bank, Yesterday, account, 0, 0m, 0, 0m, 1000m);
        await ProcessAsync(bank, Yesterday);
        await RecordMovementAsync(bank, Today, account, "2615", "in", 10m, "arrival");
        // The bank's day adds up, but it starts from 1000.01 where the system ended yesterday at 1000.00.
        await StoreStatementAsync(bank, Today, account, 1, 10m, 0, 0m, 1000.01m);
        await ProcessAsync(bank, Today);

        const string Differences = """
            SELECT msg_no || ' ' || diff_type || ' ' || field || ' ' || bank_value || ' ' || finance_value || ' ' || status
              FROM nontax.reconciliation_differences WHERE bank_node = $1 AND business_day = $2 AND account_no = $3
            """;
        Assert.Equal(1L, await DifferencesAsync(bank, Today, account));
        Assert.Equal("2556 4 OpeningBal 1000.01 1000.00 open", await database.ScalarAsync<string>(Differences, bank, Today, account));
        var grain = _silo.Grains.GetGrain<IBankAccountGrain>(account);
        var closed = await grain.Get();
        Assert.Equal((Today, 1010m, 1010.01m, false), (closed.LastClosedDay, closed.ExpectedBalance, closed.BankBalance, closed.LastDayMatches));
        var queries = new BankAccountQueries(_dataSource);
        var before = await queries.DaysAsync(account, null, 10);

        // The same data again: the same one difference, the same closed days, the grain not written.
        await _silo.Grains.GetGrain<IReconciliationDayGrain>(new ReconciliationDay(bank, Today).Key).Rerun("ops:test");
        Assert.Equal(await grain.Close(), await grain.Get());
        Assert.Equal(closed, await grain.Get());
        Assert.Equal(1L, await DifferencesAsync(bank, Today, account));
        Assert.Equal("2556 4 OpeningBal 1000.01 1000.00 open", await database.ScalarAsync<string>(Differences, bank, Today, account));
        var after = await queries.DaysAsync(account, null, 10);
        Assert.Equal(before.Select(d => d with { Run = 0 }), after.Select(d => d with { Run = 0 }));
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.business_facts WHERE kind = 'bankaccount.day_closed' AND subject = $1 AND payload->>'businessDay' = '20260310'", account));
    }
}
