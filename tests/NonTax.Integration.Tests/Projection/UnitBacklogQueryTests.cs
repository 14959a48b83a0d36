using NonTax.Grains.Abstractions.Units;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Integration.Tests.Fixtures;
using Npgsql;

namespace NonTax.Integration.Tests.Projection;

/// <summary>
/// The SQL behind unit monitoring, on rows the projectors wrote from facts committed through the
/// batched storage: totals and oldest dates of open and un-remitted notices, the clearing
/// watermark, and remittance stamping only a paid notice of the same unit.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UnitBacklogQueryTests(PostgresFixture database) : IAsyncLifetime
{
    private TestSilo _silo = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(database, $"backlog-{Guid.NewGuid():N}"[..20], "backlog");
        _dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _silo.DisposeAsync();
    }

    private Task Record(params Grains.Abstractions.Journal.BusinessFact[] facts) =>
        _silo.Grains.GetGrain<IFactRecorderGrain>($"recorder-{Guid.NewGuid():N}").Record(facts);

    [Fact]
    public async Task Counts_open_and_unremitted_notices_and_honours_the_clearing_watermark()
    {
        var unit = "U" + Guid.NewGuid().ToString("N")[..6];
        string Code(string name) => $"{unit}-{name}";
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        await Record(
            SampleFacts.Issued(Code("A"), t0, unitCode: unit, issueDate: "20260110"),
            SampleFacts.Issued(Code("B"), t0.AddMinutes(1), unitCode: unit, issueDate: "20260111"),
            SampleFacts.Issued(Code("C"), t0.AddMinutes(2), unitCode: unit, issueDate: "20260112"),
            SampleFacts.Issued(Code("D"), t0.AddMinutes(2), unitCode: unit, issueDate: "20260112"),
            SampleFacts.Issued(Code("E"), t0.AddMinutes(2), unitCode: unit, issueDate: "20260109"));
        await Record(
            SampleFacts.Confirmed(Code("C"), t0.AddMinutes(3), traNoBus: Code("C"), unitCode: unit, cfmDate: "20260113"),
            SampleFacts.Confirmed(Code("D"), t0.AddMinutes(4), traNoBus: Code("D"), unitCode: unit, cfmDate: "20260114"),
            SampleFacts.Voided(Code("E"), t0.AddMinutes(5), unitCode: unit));
        // Another unit cannot stamp C; this unit stamps D.
        await Record(SampleFacts.Remitted(Code("C"), t0.AddMinutes(6), unitCode: "0000000"), SampleFacts.Remitted(Code("D"), t0.AddMinutes(6), unitCode: unit));
        var query = new UnitBacklogQuery(_dataSource);

        var all = await query.ReadAsync(unit, countedAfter: null);
        var clearedAfterA = await query.ReadAsync(unit, t0.AddSeconds(30));
        var clearedAfterAll = await query.ReadAsync(unit, t0.AddMinutes(10));

        Assert.Equal(new UnitBacklog(2, new DateOnly(2026, 1, 10), 1, new DateOnly(2026, 1, 13),
            new BacklogNotice(Code("A"), new DateOnly(2026, 1, 10)), new BacklogNotice(Code("C"), new DateOnly(2026, 1, 13))), all);
        Assert.Equal(new BacklogNotice(Code("B"), new DateOnly(2026, 1, 11)), clearedAfterA.OldestCountedOpen);
        Assert.Equal(all.OldestCountedUnremitted, clearedAfterA.OldestCountedUnremitted);
        Assert.Equal(all with { OldestCountedOpen = null, OldestCountedUnremitted = null }, clearedAfterAll);
        Assert.Equal(UnitBacklog.Empty, await query.ReadAsync("U-none", null));
    }
}
