using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.BaseData;
using Orleans.TestingHost;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>
/// One two-silo cluster for all grain tests, seeded with the sandbox bureau plus two test units:
/// 0999001 with a late-fee item and tight monitoring limits, and 0999002, inactive.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Bureau = "F320682";
    public const string LandUnit = "0104901";
    public const string SchoolUnit = "0201001";
    public const string FeeUnit = "0999001";
    public const string InactiveUnit = "0999002";
    public const string LateFeeItem = "103099901";
    public const string UnitPlatform = "K3206820001";

    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;
    public JournalStore Store => JournalStore.Shared;
    public ManualClock Clock => ManualClock.Shared;
    public ImportReport SeedReport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var sandbox = await BaseDataJson.ReadFileAsync(Path.Combine(AppContext.BaseDirectory, "sandbox-bureau.json"), CancellationToken.None);
        SeedReport = await new BaseDataImport(Grains, "test", onlyAbsent: true).ApplyAsync(sandbox);
        await SeedTestUnitsAsync(sandbox);
        await WaitForSeededBaseDataPushAsync();
    }

    /// <summary>
    /// Seeding changes the bureau, which pushes its base data to the banks after a quiet period.
    /// Wait for that push so its facts never land in the middle of a test that counts facts.
    /// </summary>
    private async Task WaitForSeededBaseDataPushAsync()
    {
        var publisher = Grains.GetGrain<IBaseDataPublisherGrain>(Bureau);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await publisher.GetStatus() is var status
            && (status.ChangePending || status.UndeliveredHandOvers > 0 || !status.LastSeqNos.ContainsKey("5952")))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The seeded bureau's base data was never pushed.");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private async Task SeedTestUnitsAsync(BaseDataDocument sandbox)
    {
        var land = sandbox.Units![0].Profile;
        var lateFeeItem = new IncomeItemDefinition(LateFeeItem, "320600099901", "测试罚没收入", "次",
            ChargingStandard.Between(1m, 100000m), "一般公共预算", "10305", PaymentPeriodDays: 10, LateFeeDailyRate: 0.0003m, GraceDays: 30);
        var document = sandbox with
        {
            Regions = [],
            AgentBanks = [],
            Outlets = [],
            FiscalAccounts = [],
            Peers = [],
            PayModes = [],
            Calendar = null,
            Items = [lateFeeItem],
            Units =
            [
                new UnitEntry(land with { UnitCode = FeeUnit, Name = "测试执收单位", IssuerNumber = 9 }, [LateFeeItem],
                    new MonitoringLimits(MaxDaysIssuedUnpaid: 100, MaxDaysUnremitted: null)),
                new UnitEntry(land with { UnitCode = InactiveUnit, Name = "停用单位", IssuerNumber = 8, Status = UnitStatus.Inactive }, [LateFeeItem]),
            ],
        };
        var report = await new BaseDataImport(Grains, "test", onlyAbsent: true).ApplyAsync(document);
        if (report.Refused > 0)
        {
            throw new InvalidOperationException("Test base data refused: " + string.Join("; ", report.Rows.Where(r => r.Outcome == "refused")));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
