using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.Grains.Tests.MoneyFlow;

/// <summary>
/// RemittanceDayGrain on the two-silo test cluster: what it computes from an arranged day, that it
/// pages through payments (two per page here), hands every 5618 over once however often it runs,
/// records 2618s once, tells the units, and waits or alerts when it cannot go on.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RemittanceDayTests(ClusterFixture fixture)
{
    private const string Bank = "D3206820105";
    private const string Other = "D3206820103";
    private const string Fiscal = "32001647236051117660";
    private const string CityFiscal = "32001647236051110003";
    private const string CountyTreasury = "3206820000";
    private const string CityTreasury = "3206000000";
    private const string ProvinceTreasury = "3200000000";
    private const string Direct = "103043211";
    private const string Central = "103050101";

    static RemittanceDayTests()
    {
        // Land registration: direct, 90 % county (from the fiscal account it is paid into), 10 % cleared straight to the province's treasury.
        MemoryRemittanceSource.Rules[Direct] = new RuleInForce(3, new ClearingRule(Direct, new DateOnly(2026, 1, 1), "1", ClearingRule.DirectRemittance,
            [new ClearingShare(4, Fiscal, "如皋市财政局", 0.9m), new ClearingShare(2, ProvinceTreasury, "江苏省国库", 0.1m)], Fiscal));
        // Tuition: central, thirds between the county's and the city's fiscal accounts.
        MemoryRemittanceSource.Rules[Central] = new RuleInForce(1, new ClearingRule(Central, new DateOnly(2026, 1, 1), "2", ClearingRule.CentralRemittance,
            [new ClearingShare(4, Fiscal, "如皋市财政局", 0.333333m), new ClearingShare(3, CityFiscal, "南通市财政局", 0.666667m)], Fiscal));
    }

    private IRemittanceDayGrain Day(string bank, DateOnly day) => fixture.Grains.GetGrain<IRemittanceDayGrain>(IRemittanceDayGrain.KeyOf(bank, day));

    private static string Code(int day, int n) => $"3206822601{day:D2}{n:D7}0";

    /// <summary>Five land payments of 80.00 and three tuition payments; cleared.</summary>
    private static IReadOnlyList<PaymentItemRow> ArrangeDay(string bank, DateOnly day)
    {
        var rows = new List<PaymentItemRow>();
        for (var i = 1; i <= 5; i++)
        {
            rows.Add(new PaymentItemRow(Code(day.Day, i), ClusterFixture.LandUnit, Fiscal, Direct, 80.00m));
        }

        rows.Add(new PaymentItemRow(Code(day.Day, 6), ClusterFixture.SchoolUnit, Fiscal, Central, 100.00m));
        rows.Add(new PaymentItemRow(Code(day.Day, 7), ClusterFixture.SchoolUnit, Fiscal, Central, 33.34m));
        rows.Add(new PaymentItemRow(Code(day.Day, 8), ClusterFixture.SchoolUnit, Fiscal, Central, 0.01m));
        MemoryRemittanceSource.Payments[(bank, day)] = rows;
        MemoryRemittanceSource.ClearingStatus[(bank, day)] = "cleared";
        return rows;
    }

    private IReadOnlyList<RemittanceInstructed> Instructed(DateOnly day) =>
        [.. fixture.Store.Facts.Where(f => f.Kind == RemittanceInstructed.Kind).Select(FactJson.Read<RemittanceInstructed>).Where(i => i.BusinessDay == day)];

    [Fact]
    public async Task A_day_is_computed_page_by_page_and_every_5618_is_handed_over_once_however_often_it_runs()
    {
        var day = new DateOnly(2026, 3, 2);
        var rows = ArrangeDay(Bank, day);

        var view = await Day(Bank, day).Run();
        await Task.WhenAll(Day(Bank, day).Run(), Day(Bank, day).Run());

        // Two central (county and city share of tuition) and one direct per land payment (the province's share is in its treasury already).
        var instructed = Instructed(day);
        Assert.Equal(RemittanceDayStatus.Instructed, view.Status);
        Assert.Equal(7, view.Instructions);
        Assert.Equal(7, instructed.Count);
        Assert.True(MemoryRemittanceSource.PaymentPagesRead[(Bank, day)] >= 5, "eight payments at two per page take at least four pages and an empty one");

        var central = instructed.Where(i => i.RemitType == RemittanceInstruction.Central).OrderBy(i => i.BudgetLevel).ToList();
        Assert.Equal([(3, CityFiscal, CityTreasury), (4, Fiscal, CountyTreasury)], central.Select(c => (c.BudgetLevel, c.PayAcct, c.TreCode)));
        Assert.Equal(133.35m, central.Sum(c => c.Amount));
        Assert.Equal(44.45m, central[1].Amount);
        Assert.Equal([IRemittanceDayGrain.CentralRemitNo(Bank, day, 1), IRemittanceDayGrain.CentralRemitNo(Bank, day, 2)], central.Select(c => c.RemitNo).Order());

        var direct = instructed.Where(i => i.RemitType == RemittanceInstruction.Direct).ToList();
        Assert.Equal(rows.Where(r => r.ItemCode == Direct).Select(r => IRemittanceDayGrain.DirectRemitNo(day, r.PayCode, 1)).Order(), direct.Select(d => d.RemitNo).Order());
        Assert.All(direct, d => Assert.Equal((72.00m, 4, CountyTreasury, 3), (d.Amount, d.BudgetLevel, d.TreCode, d.Lines.Single().RuleVersion)));
        Assert.All(direct, d => Assert.Equal(d.PayCode, d.Lines.Single().PayCode));

        // Handed to the bank's link: each RemitNo exactly once, as a 5618.
        var handed = RecordingBankLinkGrain.For(Bank).Where(i => i.MsgNo == MsgNos.RemittanceInstruction && instructed.Any(x => x.RemitNo == i.InstructionId)).ToList();
        Assert.Equal(7, handed.Count);
        Assert.All(handed, h => Assert.Equal(1, RecordingBankLinkGrain.Taken[h.InstructionId]));
    }

    [Fact]
    public async Task Results_are_recorded_once_and_a_fully_remitted_day_tells_the_units()
    {
        var day = new DateOnly(2026, 3, 3);
        var rows = ArrangeDay(Bank, day);
        await Day(Bank, day).Run();
        var instructed = Instructed(day);

        // Another bank may not report this bank's remittance; a wrong amount or type is refused.
        var first = instructed[0];
        Assert.Equal(ResultCodes.NotAllowed, (await Day(Bank, day).RecordResult(Outcome(first), Other, "M0")).Result);
        Assert.Equal(ResultCodes.MalformedField, (await Day(Bank, day).RecordResult(Outcome(first) with { Amount = first.Amount + 0.01m }, Bank, "M0")).Result);
        Assert.Equal(ResultCodes.MalformedField, (await Day(Bank, day).RecordResult(Outcome(first) with { RemitType = 3 - first.RemitType }, Bank, "M0")).Result);
        Assert.Equal(ResultCodes.MalformedField, (await Day(Bank, day).RecordResult(Outcome(first) with { RemitNo = IRemittanceDayGrain.CentralRemitNo(Bank, day, 9) }, Bank, "M0")).Result);
        Assert.Equal(0, (await Day(Bank, day).GetView()).Remitted);

        foreach (var i in instructed)
        {
            Assert.Equal(ResultCodes.Success, (await Day(Bank, day).RecordResult(Outcome(i), Bank, "M" + i.RemitNo)).Result);
        }

        // The same result again is answered as recorded; a different one is refused.
        Assert.Equal((ResultCodes.Success, "result already recorded"), await Day(Bank, day).RecordResult(Outcome(first), Bank, "M1"));
        Assert.Equal(ResultCodes.TraNoBusReused, (await Day(Bank, day).RecordResult(Outcome(first) with { Result = "40001" }, Bank, "M2")).Result);

        var view = await Day(Bank, day).GetView();
        Assert.Equal((RemittanceDayStatus.Remitted, 7, 0), (view.Status, view.Remitted, view.Failed));
        var movements = fixture.Store.Facts.Where(f => f.Kind == AccountMovementRecorded.Kind).Select(FactJson.Read<AccountMovementRecorded>)
            .Where(m => m.MovementKind == MovementKinds.Remittance && m.OriginalDay == day).ToList();
        Assert.Equal(instructed.Sum(i => i.Amount), movements.Sum(m => m.Amount));
        Assert.Equal(7, movements.Count);

        // Every payment of the day is now remitted for its unit.
        var remitted = fixture.Store.Facts.Where(f => f.Kind == NoticeRemitted.Kind).Select(FactJson.Read<NoticeRemitted>).Select(r => (r.PayCode, r.UnitCode)).ToHashSet();
        Assert.All(rows, r => Assert.Contains((r.PayCode, r.UnitCode), remitted));
    }

    [Fact]
    public async Task A_refusal_and_a_missing_result_alert_once_and_the_units_are_not_told()
    {
        var day = new DateOnly(2026, 3, 4);
        var rows = ArrangeDay(Other, day);
        await Day(Other, day).Run();
        var instructed = Instructed(day);
        var refused = instructed[0];
        await Day(Other, day).RecordResult(Outcome(refused) with { Result = "40001", TraNo = "" }, Other, "M1");

        fixture.Clock.Advance(TimeSpan.FromHours(25));
        await Day(Other, day).Run();
        await Day(Other, day).Run();
        var alerts = fixture.Store.Facts.Where(f => f.Kind == AlertRaised.Kind).Select(f => (f.FactId, Alert: FactJson.Read<AlertRaised>(f))).ToList();
        Assert.Single(alerts, a => a.FactId == $"alert.raised:remittance.failed:{refused.RemitNo}");
        Assert.Single(alerts, a => a.FactId == $"alert.raised:remittance.result-overdue:{Other}:{day:yyyy-MM-dd}");

        foreach (var i in instructed.Skip(1))
        {
            await Day(Other, day).RecordResult(Outcome(i), Other, "M" + i.RemitNo);
        }

        Assert.Equal((RemittanceDayStatus.Failed, 6, 1), ((await Day(Other, day).GetView()).Status, (await Day(Other, day).GetView()).Remitted, (await Day(Other, day).GetView()).Failed));
        var told = fixture.Store.Facts.Where(f => f.Kind == NoticeRemitted.Kind).Select(FactJson.Read<NoticeRemitted>).Select(r => r.PayCode).ToHashSet();
        Assert.DoesNotContain(rows, r => told.Contains(r.PayCode));
    }

    [Fact]
    public async Task A_day_waits_until_cleared_and_for_a_treasury_and_alerts_once()
    {
        var day = new DateOnly(2026, 3, 5);
        const string township = "103099990";
        MemoryRemittanceSource.Rules[township] = new RuleInForce(1, new ClearingRule(township, day, "1", ClearingRule.CentralRemittance,
            [new ClearingShare(5, "32001647236051110005", "镇财政所", 1m)], "32001647236051110005"));
        MemoryRemittanceSource.Payments[(Bank, day)] = [new PaymentItemRow(Code(day.Day, 1), ClusterFixture.LandUnit, Fiscal, township, 10m)];

        var notCleared = await Day(Bank, day).Run();
        Assert.Equal((RemittanceDayStatus.Waiting, "clearing is not done"), (notCleared.Status, notCleared.WaitingFor));

        MemoryRemittanceSource.ClearingStatus[(Bank, day)] = "cleared";
        var noTreasury = await Day(Bank, day).Run();
        await Day(Bank, day).Run();
        Assert.Equal(RemittanceDayStatus.Waiting, noTreasury.Status);
        Assert.Contains("budget level 5", noTreasury.WaitingFor, StringComparison.Ordinal);
        Assert.Single(fixture.Store.Facts, f => f.FactId == $"alert.raised:remittance.no-treasury:{Bank}:{day:yyyy-MM-dd}:{Bank}");
        Assert.Empty(Instructed(day));
    }

    private static RemittanceOutcome Outcome(RemittanceInstructed i) =>
        new(i.RemitNo, i.RemitType, ResultCodes.Success, i.BusinessDay.AddDays(1), i.Amount, "RM" + i.RemitNo[^6..], "");
}
