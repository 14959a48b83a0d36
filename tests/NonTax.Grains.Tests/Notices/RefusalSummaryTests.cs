using Microsoft.Extensions.DependencyInjection;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Notices;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;
using Orleans.Serialization;

namespace NonTax.Grains.Tests.Notices;

/// <summary>A notice keeps a bounded summary of refused confirmations, whatever a bank keeps sending.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RefusalSummaryTests(ClusterFixture fixture)
{
    private const string Ccb = "D3206820105";

    private IPaymentNoticeGrain Notice(string payCode) => fixture.Grains.GetGrain<IPaymentNoticeGrain>(payCode);

    private static string Tra() => Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task Refused_attempts_stay_bounded_and_an_old_resend_gets_the_same_answer_and_no_second_fact()
    {
        var issued = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit).Issue(Drafts.LandRegistration());
        var payCode = issued.PayCode!;
        var attempts = Enumerable.Range(0, 40).Select(i => Drafts.Payment(payCode, Ccb, Tra(), 70m + i / 100m, fixture.Clock)).ToList();

        var answers = new List<ConfirmationOutcome>();
        foreach (var attempt in attempts)
        {
            answers.Add(await Notice(payCode).Confirm(attempt));
        }

        Assert.All(answers, a => Assert.Equal(ResultCodes.AmountMismatch, a.ResultCode));
        var state = fixture.Store.StateOf<PaymentNoticeState>(payCode)!;
        Assert.Equal(PaymentNoticeState.MaxRecentRefusals, state.RecentRefusals.Count);
        Assert.Equal(40, state.RefusedCount);
        Assert.Equal(40, (await Notice(payCode).GetDetails())!.RefusedAttempts);
        Assert.Equal(40, fixture.Store.FactsAbout(payCode).Count(f => f.Kind == "notice.confirmation_refused"));

        // The first attempt fell out of the recent keys long ago: same answer, and its fact is not stored twice.
        var replays = fixture.Store.ConflictingFactReplays;
        Assert.Equal(answers[0], await Notice(payCode).Confirm(attempts[0]));
        Assert.Equal(40, fixture.Store.FactsAbout(payCode).Count(f => f.Kind == "notice.confirmation_refused"));
        Assert.Equal(replays, fixture.Store.ConflictingFactReplays);
        Assert.Equal(PaymentNoticeState.MaxRecentRefusals, fixture.Store.StateOf<PaymentNoticeState>(payCode)!.RecentRefusals.Count);

        // A recent one writes nothing at all.
        var before = fixture.Store.StateOf<PaymentNoticeState>(payCode)!.RefusedCount;
        Assert.Equal(answers[^1], await Notice(payCode).Confirm(attempts[^1]));
        Assert.Equal(before, fixture.Store.StateOf<PaymentNoticeState>(payCode)!.RefusedCount);

        // Refusals claimed nothing: the right amount still pays.
        Assert.Equal(ResultCodes.Success, (await Notice(payCode).Confirm(attempts[0] with { Amount = 80m })).ResultCode);
    }

    [Fact]
    public void State_stored_with_the_retired_set_of_refused_attempts_still_loads()
    {
        using var services = new ServiceCollection()
            .AddSerializer(b => b.AddAssembly(typeof(PaymentNoticeState).Assembly)
                .AddAssembly(typeof(NoticeContent).Assembly)
                .AddAssembly(typeof(NoticeStateWithRefusedAttemptSet).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var old = new NoticeStateWithRefusedAttemptSet
        {
            CheckCode = "1234",
            Status = NoticeStatus.Void,
            RefusedAttempts = [.. Enumerable.Range(0, 500).Select(i => $"{Ccb}/{i}/10005/1.00")],
            UnitInformed = true,
            SettledOn = new DateOnly(2026, 3, 1),
        };

        var loaded = serializer.Deserialize<PaymentNoticeState>(serializer.SerializeToArray(old))!;

        Assert.Equal("1234", loaded.CheckCode);
        Assert.Equal(NoticeStatus.Void, loaded.Status);
        Assert.Equal(new DateOnly(2026, 3, 1), loaded.SettledOn);
        Assert.Equal(0, loaded.RefusedCount);
        Assert.Empty(loaded.RecentRefusals);
        Assert.True(serializer.SerializeToArray(loaded).Length < 100, "the retired set was carried over");
    }
}

/// <summary>The shape <see cref="PaymentNoticeState"/> was stored in while [Id(7)] held every refused attempt.</summary>
[GenerateSerializer]
public sealed class NoticeStateWithRefusedAttemptSet
{
    [Id(1)] public string CheckCode { get; set; } = "";
    [Id(2)] public NoticeStatus Status { get; set; }
    [Id(7)] public HashSet<string> RefusedAttempts { get; set; } = [];
    [Id(8)] public bool UnitInformed { get; set; }
    [Id(9)] public DateOnly? SettledOn { get; set; }
}
