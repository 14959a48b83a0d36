using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Time;

namespace NonTax.Integration.Tests.Cluster;

/// <summary>
/// An abrupt silo loss in process, on real PostgreSQL, without the fault harness's separate
/// processes: two production-wired silos, notices issued and confirmed through the survivor
/// while the silo hosting the unit grain (its pay-code allocation) is stopped without leaving
/// the cluster (no deactivation, no membership update, as <c>kill -9</c>). Every issue and
/// confirmation that was acknowledged is stored once after the grains reactivate on the survivor.
/// </summary>
public sealed class AbruptSiloLossTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    private const string SchoolUnit = "0201001";
    private const string TuitionItem = "103050101";
    private const string Bank = "D3206820105";

    [Fact]
    public async Task Acknowledged_issues_and_confirmations_survive_the_unit_grains_silo_being_killed_and_none_is_doubled()
    {
        var clusterId = $"kill-{Guid.NewGuid():N}"[..16];
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var a = await FullSilo.StartAsync(database, clusterId, "silo-a", new Dictionary<string, string?>
        {
            ["Security:TokenKey"] = key,
            ["Sandbox:Seed"] = "true",
            ["Sandbox:BaseDataFile"] = FullSilo.SandboxBureauFile,
        });
        var b = await FullSilo.StartAsync(database, clusterId, "silo-b", new Dictionary<string, string?> { ["Security:TokenKey"] = key });
        WebApplication? killed = null;
        var survivor = b;
        try
        {
            var issued = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            var confirmed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            var run = Guid.NewGuid().ToString("N")[..8];

            // Traffic before the loss, through the silo that does not host the unit grain.
            var hostOfUnit = await Grains(a).GetGrain<IManagementGrain>(0).GetActivationAddress(Grains(a).GetGrain<ICollectingUnitGrain>(SchoolUnit));
            if (hostOfUnit is null)
            {
                await Grains(a).GetGrain<ICollectingUnitGrain>(SchoolUnit).Issue(Draft());
                hostOfUnit = await Grains(a).GetGrain<IManagementGrain>(0).GetActivationAddress(Grains(a).GetGrain<ICollectingUnitGrain>(SchoolUnit));
            }

            (killed, survivor) = hostOfUnit == Address(a) ? (a, b) : (b, a);
            for (var i = 0; i < 6; i++)
            {
                await IssueAndConfirmAsync(Grains(survivor), run, i, issued, confirmed);
            }

            // Keep issuing and confirming while the unit grain's silo dies.
            using var stop = new CancellationTokenSource();
            var traffic = Task.Run(async () =>
            {
                var i = 100;
                while (!stop.IsCancellationRequested)
                {
                    await IssueAndConfirmAsync(Grains(survivor), run, i++, issued, confirmed);
                }
            });
            await Eventually.HoldsAsync(() => Task.FromResult(issued.Count >= 10));
            var beforeKill = issued.Count;
            // A cancelled token makes the silo stop ungracefully: no grain deactivates, its
            // membership row stays Active until the survivor's probes declare it dead.
            await killed.StopAsync(new CancellationToken(canceled: true));
            Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(issued.Count >= beforeKill + 10), TimeSpan.FromSeconds(120)),
                "issuing should resume on the survivor once the unit grain reactivates there");
            await stop.CancelAsync();
            await traffic;

            Assert.Equal(Address(survivor), await Grains(survivor).GetGrain<IManagementGrain>(0).GetActivationAddress(Grains(survivor).GetGrain<ICollectingUnitGrain>(SchoolUnit)));
            Assert.True(confirmed.Count >= 10);
            foreach (var payCode in issued.Keys)
            {
                var record = await Grains(survivor).GetGrain<IPaymentNoticeGrain>(payCode).GetDetails();
                Assert.NotNull(record);
                Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE subject = $1 AND kind = 'notice.issued'", payCode));
                if (confirmed.TryGetValue(payCode, out var traNo))
                {
                    Assert.Equal(traNo, record!.Revenue?.Confirmation.TraNoBus);
                    Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE subject = $1 AND kind = 'notice.confirmed'", payCode));
                    Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE subject = $1 AND kind = 'notice.duplicate'", payCode));
                }
            }

            // The projection shows each acknowledged notice once (its rows are written with the outcome).
            Assert.True(await Eventually.HoldsAsync(async () => await database.ScalarAsync<long>(
                "SELECT count(*) FROM nontax.notices WHERE pay_code = ANY($1)", (object)issued.Keys.ToArray()) == issued.Count));
        }
        finally
        {
            foreach (var silo in new[] { survivor, killed }.OfType<WebApplication>().Distinct())
            {
                try
                {
                    await silo.StopAsync(silo == killed ? new CancellationToken(canceled: true) : CancellationToken.None);
                }
                catch (OperationCanceledException)
                {
                    // Already stopped.
                }

                await silo.DisposeAsync();
            }

            if (killed is null)
            {
                await a.DisposeAsync();
                await b.DisposeAsync();
            }
        }
    }

    /// <summary>Issues one notice and confirms it; records each only once it is acknowledged. A call cut off by the loss is not.</summary>
    private static async Task IssueAndConfirmAsync(IGrainFactory grains, string run, int i, ConcurrentDictionary<string, byte> issued, ConcurrentDictionary<string, string> confirmed)
    {
        try
        {
            var notice = await grains.GetGrain<ICollectingUnitGrain>(SchoolUnit).Issue(Draft());
            if (!notice.Succeeded)
            {
                return;
            }

            Assert.True(issued.TryAdd(notice.PayCode!, 0), $"pay code {notice.PayCode} acknowledged twice");
            var traNo = $"{run}{i:D6}";
            var outcome = await grains.GetGrain<IPaymentNoticeGrain>(notice.PayCode!).Confirm(new ConfirmedPayment(
                notice.PayCode!, Bank, traNo, ChinaTime.Today(TimeProvider.System), "101500", 80.00m, "02", "李四"));
            if (outcome.ResultCode == "00000")
            {
                confirmed[notice.PayCode!] = traNo;
            }
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            // Unacknowledged: the caller would resend; nothing is promised about it.
            await Task.Delay(100);
        }
    }

    private static NoticeDraft Draft() => new(new Payer("李四"), 80.00m, [new NoticeLineRequest(TuitionItem, 80.00m)], "clerk");

    private static IGrainFactory Grains(WebApplication silo) => silo.Services.GetRequiredService<IGrainFactory>();

    private static SiloAddress Address(WebApplication silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
}
