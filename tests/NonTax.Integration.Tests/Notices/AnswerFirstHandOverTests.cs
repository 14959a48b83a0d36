using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Hosting;
using NonTax.Grains.Outbound;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Integration.Tests.Outbound;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using Npgsql;

namespace NonTax.Integration.Tests.Notices;

/// <summary>
/// The confirmation path on PostgreSQL (docs/architecture.md, "The confirmation path"): a notice
/// answers once its outcome is durable, hands over after the reply, keeps its pending_handovers row
/// exactly while something is undelivered, and a sweep delivers what a lost activation left, once.
/// The real BankLink delivers through a recording transport, so "once" is counted on the wire.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AnswerFirstHandOverTests(PostgresFixture database) : IAsyncLifetime
{
    private const string FirstBank = "D3206820105";
    private readonly RecordingTransport _transport = new();
    private readonly HandOverGate _gate = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(database, $"handover-{Guid.NewGuid():N}"[..20], "handover", services =>
        {
            services.AddSingleton<IOutboundTransport>(_transport);
            services.AddSingleton<IMessageIdSource, RandomMessageIds>();
            services.AddSingleton<IIncomingGrainCallFilter>(_gate);
            services.Configure<BankLinkOptions>(o =>
            {
                o.PollInterval = TimeSpan.FromMilliseconds(50);
                o.FirstRetryDelay = TimeSpan.FromMilliseconds(100);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            });
            services.Configure<OutboxOptions>(o =>
            {
                // Only the sweep may deliver what a failed hand-over left, so the test sees it do so.
                o.RetryPeriod = TimeSpan.FromMinutes(10);
                o.SweepGrace = TimeSpan.Zero;
            });
        });
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Confirm_returns_while_the_link_holds_the_refund_and_it_is_sent_once_after_release()
    {
        var payCode = await IssueAsync();
        var slowBank = NewPeer();
        Assert.Equal(ResultCodes.Success, (await Notice(payCode).Confirm(Payment(payCode, FirstBank))).ResultCode);
        Assert.Equal(0, await PendingRowsAsync(payCode));

        _gate.Hold(slowBank);
        string refundNo;
        try
        {
            var duplicate = await Notice(payCode).Confirm(Payment(payCode, slowBank)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(ResultCodes.DuplicatePaymentRefunding, duplicate.ResultCode);
            refundNo = duplicate.RefundNo!;

            // Answered, while the hand-over sits in the link; the row records it in the meantime.
            Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(_gate.AttemptsTo(slowBank) == 1)));
            Assert.Equal(1, await PendingRowsAsync(payCode));
            Assert.Equal(0, _transport.SendsOf(slowBank, refundNo));
        }
        finally
        {
            _gate.Release(slowBank);
        }

        Assert.True(await Eventually.HoldsAsync(async () => _transport.SendsOf(slowBank, refundNo) == 1 && await PendingRowsAsync(payCode) == 0));
        Assert.Equal(1, _gate.AttemptsTo(slowBank));
        Assert.True(await Eventually.HoldsAsync(async () =>
            await database.ScalarAsync<string>("SELECT status FROM nontax.outbound_messages WHERE business_no = $1", refundNo) == "delivered"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.outbound_messages WHERE business_no = $1", refundNo));
    }

    [Fact]
    public async Task A_hand_over_lost_with_its_activation_is_delivered_once_by_the_sweep_and_not_again()
    {
        var payCode = await IssueAsync();
        var bank = NewPeer();
        await Notice(payCode).Confirm(Payment(payCode, FirstBank));
        _gate.FailNext(bank);

        var duplicate = await Notice(payCode).Confirm(Payment(payCode, bank));
        Assert.Equal(ResultCodes.DuplicatePaymentRefunding, duplicate.ResultCode);
        var refundNo = duplicate.RefundNo!;
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(_gate.AttemptsTo(bank) == 1)));

        // As if the silo had died between the reply and the hand-over: the activation is gone.
        await _silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(1, await PendingRowsAsync(payCode));

        var sweeper = _silo.Grains.GetGrain<IHandOverSweeperGrain>(IHandOverSweeperGrain.ClusterKey);
        Assert.True(await sweeper.Sweep() >= 1);

        Assert.Equal(0, await PendingRowsAsync(payCode));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(_transport.SendsOf(bank, refundNo) == 1)));
        var attempts = _gate.AttemptsTo(bank);

        // Delivered and stored as such: neither a prompt nor another sweep hands it over again.
        await Notice(payCode).DeliverPending();
        await sweeper.Sweep();
        await _silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Notice(payCode).GetDetails();
        await Task.Delay(500);
        Assert.Equal(attempts, _gate.AttemptsTo(bank));
        Assert.Equal(1, _transport.SendsOf(bank, refundNo));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.outbound_messages WHERE business_no = $1", refundNo));
    }

    [Fact]
    public async Task The_pending_query_pages_in_key_order_and_leaves_young_rows_alone()
    {
        var prefix = $"~hq{Guid.NewGuid():N}"[..16];
        await using var dataSource = NpgsqlDataSource.Create(database.OwnerConnectionString);
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO nontax.pending_handovers (pay_code, due_at)
            VALUES ($1 || '1', now() - interval '1 hour'), ($1 || '2', now() - interval '1 hour'),
                   ($1 || '3', now() - interval '2 minutes'), ($1 || '4', now())
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = prefix });
            await insert.ExecuteNonQueryAsync();
        }

        try
        {
            var query = new PendingHandOverQuery(dataSource);
            var first = await query.ReadDueAsync(TimeSpan.FromMinutes(1), prefix, 2);
            var second = await query.ReadDueAsync(TimeSpan.FromMinutes(1), first[^1], 2);

            Assert.Equal([prefix + "1", prefix + "2"], first);
            Assert.Equal([prefix + "3"], second);
        }
        finally
        {
            await using var delete = dataSource.CreateCommand("DELETE FROM nontax.pending_handovers WHERE pay_code LIKE $1 || '%'");
            delete.Parameters.Add(new NpgsqlParameter { Value = prefix });
            await delete.ExecuteNonQueryAsync();
        }
    }

    private IPaymentNoticeGrain Notice(string payCode) => _silo.Grains.GetGrain<IPaymentNoticeGrain>(payCode);

    private Task<long> PendingRowsAsync(string payCode) =>
        database.ScalarAsync<long>("SELECT count(*) FROM nontax.pending_handovers WHERE pay_code = $1", payCode);

    private async Task<string> IssueAsync()
    {
        var payCode = "3206822601" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var today = ChinaTime.Today(TimeProvider.System);
        var notice = new NoticeContent(payCode, "0104901", "如皋市不动产登记中心", "320682", today, today.AddDays(10), today.AddDays(40),
            new Payer("张三", MobilePhone: "13800000000"), new Payee("32001647236051117660", "如皋市财政局", "105", "建设银行", 1),
            [new NoticeLine("320682103043", "103043211", "不动产登记费", "次", 1m, "80.00", 80m)],
            80m, 0m, "tester", null, ConfirmBack: false, IssuerNode: null);
        Assert.Equal(ResultCodes.Success, (await Notice(payCode).Issue(notice)).ResultCode);
        return payCode;
    }

    private static ConfirmedPayment Payment(string payCode, string bank) =>
        new(payCode, bank, Guid.NewGuid().ToString("N")[..20], ChinaTime.Today(TimeProvider.System), "101500", 80m, "02", "张三",
            BankOutlet: "320682010501", Operator: "teller");

    private static string NewPeer() => "D" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class RandomMessageIds : IMessageIdSource
    {
        public string Next() => Guid.NewGuid().ToString("N")[..20];
    }
}
