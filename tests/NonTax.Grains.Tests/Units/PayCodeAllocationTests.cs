using NonTax.Grains.Abstractions.Codes;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;

namespace NonTax.Grains.Tests.Units;

[Collection(ClusterCollection.Name)]
public sealed class PayCodeAllocationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Allocated_codes_never_repeat_across_deactivations_and_silo_restarts()
    {
        var units = new[] { ClusterFixture.LandUnit, ClusterFixture.SchoolUnit }.Select(u => fixture.Grains.GetGrain<ICollectingUnitGrain>(u)).ToArray();
        var codes = new List<string>();

        async Task IssueRoundAsync()
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 15).Select(i =>
                i % 2 == 0 ? units[0].Issue(Drafts.LandRegistration()) : units[1].Issue(Drafts.Tuition(10m + i))));
            Assert.All(results, r => Assert.True(r.Succeeded, r.ResultCode));
            codes.AddRange(results.Select(r => r.PayCode!));
        }

        await IssueRoundAsync();
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await IssueRoundAsync();
        var secondary = fixture.Cluster.SecondarySilos[0];
        await fixture.Cluster.RestartSiloAsync(secondary);
        await IssueRoundAsync();
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await IssueRoundAsync();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.True(PayCode.Parse(c).HasValidCheckDigit, c));
        Assert.All(codes, c => Assert.StartsWith("32068226", c));
    }

    [Fact]
    public async Task Two_units_of_a_region_cannot_share_an_issuer_number()
    {
        var land = (await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit).Get())!.Profile;
        var copycat = fixture.Grains.GetGrain<ICollectingUnitGrain>("0999010");

        var refused = await copycat.Define(land with { UnitCode = "0999010" }, "admin");
        var accepted = await copycat.Define(land with { UnitCode = "0999010", IssuerNumber = 42 }, "admin");

        Assert.Equal(NonTax.Protocol.Results.ResultCodes.MalformedField, refused);
        Assert.Equal(NonTax.Protocol.Results.ResultCodes.Success, accepted);
        Assert.Equal(42, (await copycat.Get())!.Profile.IssuerNumber);
    }
}
