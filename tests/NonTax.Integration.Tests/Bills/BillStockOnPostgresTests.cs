using NonTax.Grains.Abstractions.Bills;
using NonTax.Infrastructure.Projection.Queries.Bills;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Results;
using Npgsql;

namespace NonTax.Integration.Tests.Bills;

/// <summary>
/// Bill stock on a real silo and PostgreSQL: the projection rows the range grains commit, the
/// directory and reports read from them, and the exclusion constraint that refuses a second
/// range over the same numbers whatever wrote it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BillStockOnPostgresTests(PostgresFixture database) : IAsyncLifetime
{
    private const string Finance = "F320682";
    private TestSilo _silo = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(database, $"bills-{Guid.NewGuid():N}"[..20], "bills");
        _dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _silo.DisposeAsync();
    }

    private static string FreshCode() => $"32{Random.Shared.Next(0, 1_000_000):D6}";

    [Fact]
    public async Task Movements_fill_the_tables_and_the_reports_add_up()
    {
        var code = FreshCode();
        var unit = "U" + Guid.NewGuid().ToString("N")[..6];
        var codes = _silo.Grains.GetGrain<IBillCodeGrain>(code);
        Assert.True((await codes.Receive(1, 100, BillMedium.Paper, Finance, "省财政厅", "ops:wang")).Succeeded);
        Assert.True((await _silo.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(code, 1)).Distribute(unit, 40, "ops:wang")).Succeeded);
        var one = await codes.TakeNext(unit);
        var two = await codes.TakeNext(unit);
        Assert.Equal([1L, 2L], new[] { one.Number!.Value, two.Number!.Value });
        Assert.True((await _silo.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(code, 1)).Void(unit, 2, "卡纸", "unit:li")).Succeeded);

        var query = new BillStockQuery(_dataSource);
        var unitStock = Assert.Single(await query.UnitStockAsync(unit));
        Assert.Equal((1, 38L, 2L, 1L), (unitStock.Ranges, unitStock.Unused, unitStock.Taken, unitStock.Voided));
        var finance = Assert.Single(await query.FinanceStockAsync(), l => l.BillCode == code);
        Assert.Equal(60, finance.Unused);
        var usage = await query.UsageAsync(unit, 10);
        Assert.Equal(["voided", "taken"], usage.Select(u => u.Status));
        Assert.Equal("卡纸", usage[0].VoidReason);
        var movements = await query.MovementsAsync(null, code, 10);
        Assert.Equal(["distributed", "received", "split"], movements.Select(m => m.Movement).Order().ToArray());
        Assert.All(movements, m => Assert.Equal("ops:wang", m.Operator));

        var directory = new BillRangeDirectory(_dataSource);
        Assert.Equal([1L], await directory.UnitRangesWithStockAsync(unit, code));
        Assert.Equal(41L, await directory.ContainingAsync(code, 77));
        Assert.Equal(38L, await directory.UnitUnusedAsync(unit, code));
        Assert.Equal("voided", (await directory.NumberAsync(code, 2))!.Status);
    }

    [Fact]
    public async Task Overlapping_ranges_are_refused_by_the_grain_and_by_the_database()
    {
        var code = FreshCode();
        var codes = _silo.Grains.GetGrain<IBillCodeGrain>(code);
        Assert.True((await codes.Receive(1000, 1999, BillMedium.Electronic, Finance, "上级", "ops:wang")).Succeeded);
        Assert.Equal(ResultCodes.NotAllowed, (await codes.Receive(1500, 2500, BillMedium.Electronic, Finance, "上级", "ops:wang")).Code);

        // A range grain that skipped the code grain's check still cannot commit: the exclusion constraint holds.
        var rogue = new BillNumberRange(code, 1999, 2100);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            _silo.Grains.GetGrain<IBillRangeGrain>(rogue.GrainKey).Receive(rogue, BillMedium.Electronic, Finance, "上级", "ops:rogue"));
        Assert.Null(await _silo.Grains.GetGrain<IBillRangeGrain>(rogue.GrainKey).Get());

        await using var insert = _dataSource.CreateCommand("""
            INSERT INTO nontax.bill_ranges (bill_code, range_first, range_last, medium, holder, held_by_unit, next_unused, voided,
                                            written_off_through, version, updated_at)
            VALUES ($1, 1200, 1300, 'Electronic', 'F320682', false, 1200, 0, 0, 1, now())
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = code });
        var refused = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.ExclusionViolation, refused.SqlState);
    }
}
