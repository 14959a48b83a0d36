using NonTax.Grains.Abstractions.Codes;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;

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
            var results = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => IssueAsync(i % 2 == 0
                ? () => units[0].Issue(Drafts.LandRegistration())
                : () => units[1].Issue(Drafts.Tuition(10m + i)))));
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

    // Right after a silo restart a caller can still address the activation on the old silo; the
    // runtime rejects that message unprocessed, so sending it again is what a real caller does.
    private static async Task<IssueResult> IssueAsync(Func<Task<IssueResult>> issue)
    {
        try
        {
            return await issue();
        }
        catch (OrleansMessageRejectionException)
        {
            return await issue();
        }
    }

    [Fact]
    public async Task Many_concurrent_issues_for_one_unit_all_get_distinct_codes()
    {
        var fee = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.FeeUnit).Get();
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>("0999013");
        Assert.Equal(ResultCodes.Success, await unit.Define(fee!.Profile with { UnitCode = "0999013", IssuerNumber = 13 }, "admin"));
        Assert.Equal(ResultCodes.Success, await unit.GrantRight(ClusterFixture.LateFeeItem, "admin"));
        // Through the unit, straight to its issuing workers, and in batches, all at once: more codes
        // than one block holds, so several reservations race with the issues using them.
        var issuing = fixture.Grains.GetGrain<IUnitIssuingGrain>("0999013");
        var singles = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? unit.Issue(Drafts.Fine(1m + i)) : issuing.Issue(Drafts.Fine(1m + i)));
        var batches = Enumerable.Range(0, 4).Select(_ => unit.IssueBatch([.. Enumerable.Range(0, 100).Select(i => Drafts.Fine(2m + i))]));

        var results = (await Task.WhenAll(singles)).Concat((await Task.WhenAll(batches)).SelectMany(b => b.Rows)).ToList();

        Assert.Equal(800, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ResultCode + " " + r.Information));
        Assert.Equal(800, results.Select(r => r.PayCode).Distinct().Count());
        Assert.All(results, r => Assert.StartsWith("3206822613", r.PayCode));
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
