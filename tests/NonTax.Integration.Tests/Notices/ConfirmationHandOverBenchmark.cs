using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Outbound;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Integration.Tests.Outbound;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using Xunit.Abstractions;

namespace NonTax.Integration.Tests.Notices;

/// <summary>
/// Confirmations that each cause a hand-over (a 5996 to the issuing unit platform), 64 at a time,
/// on one silo against PostgreSQL with the real BankLink and an in-memory peer network: how many
/// confirmations per second are answered, at what latency, and how long until every 5996 has left.
/// Printed, not asserted. Not part of the test command (Category=Benchmark);
/// <c>NONTAX_BENCH_CONFIRMATIONS</c> sets the number of notices.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class ConfirmationHandOverBenchmark(PostgresFixture database, ITestOutputHelper output)
{
    private const int Concurrency = 64;
    private const string UnitPlatform = "K3206820001";

    [Fact]
    public async Task Confirmations_with_a_hand_over_per_second()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("NONTAX_BENCH_CONFIRMATIONS"), out var n) ? n : 3000;
        var transport = new RecordingTransport();
        await using var silo = await TestSilo.StartAsync(database, $"cbench-{Guid.NewGuid():N}"[..20], "cbench", services =>
        {
            services.AddSingleton<IOutboundTransport>(transport);
            services.AddSingleton<IMessageIdSource, RandomMessageIds>();
            services.Configure<BankLinkOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(50));
        });
        var today = ChinaTime.Today(TimeProvider.System);
        var prefix = "32068226" + Random.Shared.Next(10, 99).ToString(CultureInfo.InvariantCulture);
        var codes = Enumerable.Range(0, count).Select(i => prefix + i.ToString("D10", CultureInfo.InvariantCulture)).ToArray();

        await RunAsync(codes, code => silo.Grains.GetGrain<IPaymentNoticeGrain>(code).Issue(Notice(code, today)));

        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await RunAsync(codes, async code =>
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await silo.Grains.GetGrain<IPaymentNoticeGrain>(code).Confirm(Payment(code, today));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Equal(ResultCodes.Success, outcome.ResultCode);
        });
        var answered = clock.Elapsed;
        while (transport.SendsTo(UnitPlatform) < count && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(20);
        }

        var handedOver = clock.Elapsed;
        var sorted = latencies.Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} confirmations with a 5996 each, {Concurrency} concurrent: {count / answered.TotalSeconds:F0} confirmations/s answered, " +
            $"p50 {sorted[sorted.Length / 2]:F1} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F1} ms; all 5996 sent after {handedOver.TotalSeconds:F2} s " +
            $"(answering took {answered.TotalSeconds:F2} s)"));
        Assert.Equal(count, transport.SendsTo(UnitPlatform));
    }

    private static async Task RunAsync(IReadOnlyList<string> codes, Func<string, Task> work)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < codes.Count)
            {
                await work(codes[i]);
            }
        }));
    }

    private static NoticeContent Notice(string payCode, DateOnly today) =>
        new(payCode, "0104901", "如皋市不动产登记中心", "320682", today, today.AddDays(10), today.AddDays(40),
            new Payer("张三", MobilePhone: "13800000000"), new Payee("32001647236051117660", "如皋市财政局", "105", "建设银行", 1),
            [new NoticeLine("320682103043", "103043211", "不动产登记费", "次", 1m, "80.00", 80m)],
            80m, 0m, "tester", null, ConfirmBack: true, IssuerNode: UnitPlatform);

    private static ConfirmedPayment Payment(string payCode, DateOnly today) =>
        new(payCode, "D3206820105", Guid.NewGuid().ToString("N")[..20], today, "101500", 80m, "02", "张三",
            BankOutlet: "320682010501", Operator: "teller");

    private sealed class RandomMessageIds : IMessageIdSource
    {
        public string Next() => Guid.NewGuid().ToString("N")[..20];
    }
}
