using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Persistence.Storage;
using Npgsql;

namespace NonTax.Integration.Tests.Projection;

/// <summary>
/// The alert contract every part of the system raises through: an <see cref="AlertRaised"/> fact,
/// recorded with a grain's write or directly through the fact journal, is one row of
/// <c>nontax.alerts</c> per alert key however often it is raised.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertContractTests(PostgresFixture database) : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(database, $"alerts-{Guid.NewGuid():N}"[..20], "alerts");

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static AlertRaised MissingFile(string bank) =>
        new("reconciliation.missing-file", bank, $"{bank} 2026-12-01 对账文件未到", "cut-off 09:00 passed", AlertSeverity.Warning);

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> AlertRows(string subject) =>
        await ProjectionRows.QueryAsync(database.OwnerConnectionString,
            "SELECT alert_id, kind, subject, what, why, severity, details->>'severity' AS payload_severity FROM nontax.alerts WHERE subject = $1",
            subject);

    [Fact]
    public async Task An_alert_recorded_with_a_grain_write_is_one_row_however_often_it_is_raised()
    {
        var bank = "D" + Guid.NewGuid().ToString("N")[..10];
        var key = $"reconciliation.missing-file:{bank}:2026-12-01";
        var recorder = _silo.Grains.GetGrain<IFactRecorderGrain>($"recorder-{Guid.NewGuid():N}");

        await recorder.Record([MissingFile(bank).ToFact(key, DateTimeOffset.UtcNow)]);
        await recorder.Record([MissingFile(bank).ToFact(key, DateTimeOffset.UtcNow.AddMinutes(5))]);

        var row = Assert.Single(await AlertRows(bank));
        Assert.Equal($"alert.raised:{key}", row["alert_id"]);
        Assert.Equal("reconciliation.missing-file", row["kind"]);
        Assert.Equal("warning", row["severity"]);
        Assert.Equal("Warning", row["payload_severity"]);
        Assert.Equal("cut-off 09:00 passed", row["why"]);
    }

    [Fact]
    public async Task The_direct_journal_writes_the_fact_and_its_alert_in_one_transaction_and_repeats_change_nothing()
    {
        var bank = "D" + Guid.NewGuid().ToString("N")[..10];
        var key = $"reconciliation.missing-file:{bank}:2026-12-01";
        await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        var journal = new DirectFactJournal(dataSource, ProjectionTables.Projectors);

        await journal.RecordAsync([MissingFile(bank).ToFact(key, DateTimeOffset.UtcNow)]);
        await journal.RecordAsync([MissingFile(bank).ToFact(key, DateTimeOffset.UtcNow)]);

        Assert.Single(await AlertRows(bank));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE subject = $1", bank));
    }

    [Fact]
    public async Task A_direct_entry_that_fails_leaves_neither_the_fact_nor_the_alert()
    {
        var bank = "D" + Guid.NewGuid().ToString("N")[..10];
        await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        var journal = new DirectFactJournal(dataSource, ProjectionTables.Projectors);
        var good = MissingFile(bank).ToFact($"ok:{bank}", DateTimeOffset.UtcNow);
        // A payload the alert projector cannot read fails the whole batch.
        var broken = good with { FactId = $"alert.raised:broken:{bank}", PayloadJson = "{}" };

        await Assert.ThrowsAnyAsync<Exception>(() => journal.RecordAsync([good, broken]));

        Assert.Empty(await AlertRows(bank));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE subject = $1", bank));
    }
}
