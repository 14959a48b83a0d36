using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Tests.Units;

/// <summary>Every issuing rule refuses with its own code and leaves no trace: no fact, no notice, no open notice.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IssueValidationTests(ClusterFixture fixture)
{
    public static TheoryData<string, string, NoticeDraft> Refusals => new()
    {
        { "0000000", ResultCodes.UnknownUnit, Drafts.LandRegistration() },
        { ClusterFixture.InactiveUnit, ResultCodes.UnitBlocked, Drafts.Fine(10m) },
        { ClusterFixture.LandUnit, ResultCodes.NoCollectionRight, Drafts.Tuition(100m) },
        { ClusterFixture.LandUnit, ResultCodes.NoCollectionRight, Drafts.LandRegistration(80m, "320600050101") },
        { ClusterFixture.LandUnit, ResultCodes.UnknownItem, Drafts.LandRegistration(80m, "199999999") },
        { ClusterFixture.LandUnit, ResultCodes.UnknownItem, Drafts.LandRegistration(80m, "320699999999") },
        { ClusterFixture.LandUnit, ResultCodes.AmountOutsideStandard, Drafts.LandRegistration(81m) },
        { ClusterFixture.SchoolUnit, ResultCodes.AmountOutsideStandard, Drafts.Tuition(20000.01m) },
        { ClusterFixture.LandUnit, ResultCodes.ItemLinesMismatch, Drafts.LandRegistration() with { Amount = 160m } },
        { ClusterFixture.SchoolUnit, ResultCodes.MalformedField, Drafts.Tuition(100.001m) },
        { ClusterFixture.LandUnit, ResultCodes.MalformedField, Drafts.LandRegistration() with { Payer = new Payer(" ") } },
        { ClusterFixture.LandUnit, ResultCodes.MalformedField, Drafts.LandRegistration() with { Lines = [] } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refuses_with_the_right_code_and_changes_nothing(string unitCode, string expected, NoticeDraft draft)
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(unitCode);
        var before = await unit.Get();
        var factsBefore = fixture.Store.Facts.Count;

        var result = await unit.Issue(draft);

        Assert.Equal(expected, result.ResultCode);
        Assert.Null(result.PayCode);
        Assert.Equal(factsBefore, fixture.Store.Facts.Count);
        Assert.Equal(before?.Monitoring.OpenNotices, (await unit.Get())?.Monitoring.OpenNotices);
    }

    [Fact]
    public async Task Accepts_either_the_item_code_or_the_national_code()
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit);

        var byItem = await unit.Issue(Drafts.LandRegistration());
        var byNational = await unit.Issue(Drafts.LandRegistration(80m, "320600043211"));

        Assert.Equal(ResultCodes.Success, byItem.ResultCode);
        Assert.Equal(ResultCodes.Success, byNational.ResultCode);
        var record = await fixture.Grains.GetGrain<IPaymentNoticeGrain>(byNational.PayCode!).GetDetails();
        Assert.Equal("103043211", Assert.Single(record!.Details.Lines).ItemCode);
        Assert.Equal("32001647236051117660", record.Details.Payee.AccountNo);
        Assert.Equal(1, record.Details.Payee.AccountType);
    }

    [Fact]
    public async Task An_issued_notice_gets_a_luhn_code_a_check_code_and_one_fact()
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.SchoolUnit);

        var result = await unit.Issue(Drafts.Tuition(4500.50m));

        Assert.True(result.Succeeded);
        Assert.Matches("^32068226020", result.PayCode);
        Assert.True(Abstractions.Codes.PayCode.Parse(result.PayCode!).HasValidCheckDigit);
        Assert.Equal(4, result.CheckCode!.Length);
        var fact = Assert.Single(fixture.Store.FactsAbout(result.PayCode!));
        Assert.Equal("notice.issued", fact.Kind);
        Assert.Contains("\"amount\":\"4500.50\"", fact.PayloadJson);
    }

    [Fact]
    public async Task Input_mode_accepts_an_unused_code_once_and_refuses_it_after()
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit);
        const string supplied = "32068421010005384867";
        var draft = Drafts.LandRegistration() with { IssuerNode = ClusterFixture.UnitPlatform };

        var first = await unit.IssueWithCode(supplied, draft);
        var factsAfterFirst = fixture.Store.Facts.Count;
        var second = await unit.IssueWithCode(supplied, draft);
        var malformed = await unit.IssueWithCode("3206842101000538486", draft);

        Assert.Equal(ResultCodes.Success, first.ResultCode);
        Assert.Equal(ResultCodes.PayCodeAlreadyUsed, second.ResultCode);
        Assert.Equal(ResultCodes.MalformedField, malformed.ResultCode);
        Assert.Equal(factsAfterFirst, fixture.Store.Facts.Count);
    }

    [Fact]
    public async Task A_batch_issues_each_row_on_its_own_and_reports_per_row()
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.SchoolUnit);

        var report = await unit.IssueBatch([Drafts.Tuition(100m), Drafts.Tuition(0m), Drafts.Tuition(200m), Drafts.LandRegistration()]);

        Assert.Equal([ResultCodes.Success, ResultCodes.MalformedField, ResultCodes.Success, ResultCodes.NoCollectionRight],
            report.Rows.Select(r => r.ResultCode));
        Assert.Equal(2, report.Issued);
        Assert.All(report.Rows.Where(r => r.Succeeded), r => Assert.Single(fixture.Store.FactsAbout(r.PayCode!)));
    }

    [Fact]
    public async Task A_school_batch_of_up_to_500_rows_is_issued_with_distinct_codes_and_a_larger_one_refused()
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.SchoolUnit);
        var before = (await unit.Get())!.Monitoring.OpenNotices;

        var report = await unit.IssueBatch([.. Enumerable.Range(1, 150).Select(i => Drafts.Tuition(1000m + i))]);
        var tooBig = await unit.IssueBatch([.. Enumerable.Range(1, 501).Select(i => Drafts.Tuition(1m))]);

        Assert.Equal(150, report.Issued);
        Assert.Equal(150, report.Rows.Select(r => r.PayCode).Distinct().Count());
        Assert.Equal(before + 150, (await unit.Get())!.Monitoring.OpenNotices);
        Assert.Equal(501, tooBig.Refused);
        Assert.All(tooBig.Rows, r => Assert.Equal(ResultCodes.MalformedField, r.ResultCode));
    }
}
