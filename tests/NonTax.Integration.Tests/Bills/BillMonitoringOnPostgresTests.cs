using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Hosting;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Integration.Tests.Bills;

/// <summary>
/// Bill monitoring on PostgreSQL: a unit running out of numbers is warned once a day through the
/// alert contract (nontax.alerts); a voided paper bill not handed back is what the unit's
/// monitoring backlog names until it is returned.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BillMonitoringOnPostgresTests(PostgresFixture database) : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(database, $"lowstock-{Guid.NewGuid():N}"[..20], "lowstock", services =>
            services.Configure<BillStockOptions>(o => o.LowStockThreshold = 3));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Taking_the_unit_to_the_threshold_raises_one_warning_naming_the_unit_and_code()
    {
        var code = $"32{Random.Shared.Next(0, 1_000_000):D6}";
        var unit = "L" + Guid.NewGuid().ToString("N")[..6];
        var codes = _silo.Grains.GetGrain<IBillCodeGrain>(code);
        Assert.True((await codes.Receive(1, 5, BillMedium.Electronic, "F320682", "省财政厅", "ops")).Succeeded);
        Assert.True((await _silo.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(code, 1)).Distribute(unit, null, "ops")).Succeeded);

        Assert.True((await codes.TakeNext(unit)).Succeeded);
        Assert.Equal(0L, await AlertsAsync(unit));
        Assert.True((await codes.TakeNext(unit)).Succeeded);
        Assert.True((await codes.TakeNext(unit)).Succeeded);

        Assert.Equal(1L, await AlertsAsync(unit));
        Assert.Contains(code, await database.ScalarAsync<string>("SELECT what FROM nontax.alerts WHERE subject = $1", unit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voided_paper_bill_is_in_the_units_backlog_until_it_is_returned()
    {
        var code = $"32{Random.Shared.Next(0, 1_000_000):D6}";
        var unit = "V" + Guid.NewGuid().ToString("N")[..6];
        var codes = _silo.Grains.GetGrain<IBillCodeGrain>(code);
        Assert.True((await codes.Receive(1, 20, BillMedium.Paper, "F320682", "省财政厅", "ops")).Succeeded);
        var range = _silo.Grains.GetGrain<IBillRangeGrain>(BillNumberRange.KeyOf(code, 1));
        Assert.True((await range.Distribute(unit, null, "ops")).Succeeded);
        await codes.TakeNext(unit);
        await codes.TakeNext(unit);
        Assert.True((await range.Void(unit, 2, "填错", "clerk")).Succeeded);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(database.AppConnectionString);
        var backlog = new NonTax.Infrastructure.Projection.Queries.UnitBacklogQuery(dataSource);

        var voided = (await backlog.ReadAsync(unit, null)).OldestUnreturnedVoid;
        Assert.Equal($"{code}-0000000002", voided!.Bill);
        Assert.Equal(NonTax.Protocol.Time.ChinaTime.Today(TimeProvider.System), voided.VoidedOn);

        Assert.True((await range.ReturnVoided(2, "ops")).Succeeded);
        Assert.Null((await backlog.ReadAsync(unit, null)).OldestUnreturnedVoid);
    }

    private Task<long> AlertsAsync(string unit) =>
        database.ScalarAsync<long>("SELECT count(*) FROM nontax.alerts WHERE kind = 'bill.low-stock' AND subject = $1", unit);
}
