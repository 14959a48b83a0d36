using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.BaseData;
using NonTax.Grains.Hosting;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Tests.BaseData;

[Collection(ClusterCollection.Name)]
public sealed class SandboxSeedTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_sandbox_file_seeds_the_bureau_units_items_and_peers()
    {
        Assert.Equal(0, fixture.SeedReport.Refused);
        var bureau = await fixture.Grains.GetGrain<IBureauGrain>(ClusterFixture.Bureau).GetSnapshot();
        Assert.Equal("320682", bureau!.Profile.RegionCode);
        Assert.Equal(["D3206820103", "D3206820105", "G000001", "K3206820001"], bureau.Peers.Select(p => p.NodeCode).Order());
        Assert.Equal(["0104901", "0201001"], (await fixture.Grains.GetGrain<IBureauGrain>(ClusterFixture.Bureau).GetPeer("K3206820001"))!.ActsForUnits);
        var account = Assert.Single(bureau.FiscalAccounts);
        Assert.Equal(("32001647236051117660", 1, "0105"), (account.AccountNo, account.AccountType, account.BankCode));

        var land = await fixture.Grains.GetGrain<IIncomeItemGrain>("103043211").Get();
        Assert.Equal(ChargingStandard.Fixed(80m), land!.Standard);
        var tuition = await fixture.Grains.GetGrain<IIncomeItemGrain>("103050101").Get();
        Assert.Equal(ChargingStandard.Between(0.01m, 20000m), tuition!.Standard);
        var school = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.SchoolUnit).Get();
        Assert.Equal("如皋市教育局", school!.Profile.Name);
        Assert.Equal("103050101", Assert.Single(school.Rights).ItemCode);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_keeps_staff_changes()
    {
        var bureau = fixture.Grains.GetGrain<IBureauGrain>(ClusterFixture.Bureau);
        Assert.Equal(ResultCodes.Success, await bureau.UpsertPayMode(new PayModeEntry("99", "其他渠道"), "staff"));
        var facts = fixture.Store.Facts.Count;
        var path = Path.Combine(AppContext.BaseDirectory, "sandbox-bureau.json");
        var seeder = new SandboxBureauSeeder(fixture.Grains, Options.Create(new SandboxOptions { BaseDataFile = path }), NullLogger<SandboxBureauSeeder>.Instance);

        await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal(facts, fixture.Store.Facts.Count);
        Assert.Equal("其他渠道", (await bureau.GetSnapshot())!.PayModes.Single(p => p.Code == "99").Name);
    }

    [Fact]
    public async Task Every_change_is_versioned_with_who_and_before_after()
    {
        var bureau = fixture.Grains.GetGrain<IBureauGrain>(ClusterFixture.Bureau);
        var before = (await bureau.GetChangeLog()).Count;

        await bureau.UpsertRegion(new Region("320682", "如皋市 (renamed)"), "alice");
        await bureau.UpsertRegion(new Region("320682", "如皋市 (renamed)"), "alice");
        var log = await bureau.GetChangeLog();

        var change = Assert.Single(log.Skip(before));
        Assert.Equal(("region", "320682", "alice"), (change.Entity, change.Key, change.OperatorName));
        Assert.Contains("如皋市", change.BeforeJson);
        Assert.Contains("renamed", change.AfterJson);
        Assert.Single(fixture.Store.Facts, f => f.FactId == $"basedata.changed:region:320682:{change.Version}");
        await bureau.UpsertRegion(new Region("320682", "如皋市"), "alice");
    }

    [Fact]
    public async Task An_import_reports_each_refused_row_and_applies_the_rest()
    {
        var document = new Abstractions.BaseData.BaseDataDocument(
            new BureauProfile(ClusterFixture.Bureau, "320682", "如皋市财政局"),
            Regions: [new Region("32068", "bad"), new Region("320600", "南通市")],
            AgentBanks: [new AgentBank("X1", "0105", "bad")]);

        var report = await new BaseDataImport(fixture.Grains, "bob", onlyAbsent: false).ApplyAsync(document);

        Assert.Equal(["applied", "refused", "applied", "refused"], report.Rows.Select(r => r.Outcome));
        Assert.Equal(ResultCodes.MalformedField, report.Rows[1].ResultCode);
    }
}
