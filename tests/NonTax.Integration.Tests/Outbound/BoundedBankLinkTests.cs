using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Outbound;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Integration.Tests.Fixtures;
using Npgsql;
using Orleans.Serialization;

namespace NonTax.Integration.Tests.Outbound;

/// <summary>
/// A bank link on PostgreSQL keeps only unfinished messages: its stored state does not grow with
/// deliveries, a delivered instruction is never sent twice, and the history is the projection's.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BoundedBankLinkTests(PostgresFixture database) : IAsyncLifetime
{
    private const int MaxDeadKept = 3;
    private readonly RecordingTransport _transport = new();
    private TestSilo _silo = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(database, $"links-{Guid.NewGuid():N}"[..20], "links", services =>
        {
            services.AddSingleton<IOutboundTransport>(_transport);
            services.AddSingleton<IMessageIdSource, GuidMessageIds>();
            services.Configure<BankLinkOptions>(o =>
            {
                o.PollInterval = TimeSpan.FromMilliseconds(50);
                o.FirstRetryDelay = TimeSpan.FromMilliseconds(100);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
                o.DeadAfter = TimeSpan.FromMilliseconds(500);
                o.MaxDeadKept = MaxDeadKept;
            });
        });
        _dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task Stored_state_after_500_deliveries_is_the_size_it_was_after_one()
    {
        var peer = NewPeer();
        var link = Link(peer);

        await link.Enqueue(Instruction("first"));
        Assert.True(await AllDeliveredAsync(peer, 1));
        var afterOne = await StoredBytesAsync(peer);

        foreach (var batch in Enumerable.Range(0, 499).Chunk(50))
        {
            await Task.WhenAll(batch.Select(i => link.Enqueue(Instruction($"m{i}"))));
        }

        Assert.True(await AllDeliveredAsync(peer, 500));
        Assert.Equal(afterOne, await StoredBytesAsync(peer));
        Assert.Empty(await link.GetMessages());
        Assert.Equal(500, _transport.SendsTo(peer));
        var history = await new OutboundMessageLog(_dataSource).RecentAsync(peer, 1000);
        Assert.Equal(500, history.Count);
        Assert.All(history, m => Assert.Equal(("00000", "received", 1), (m.AnswerResult, m.AnswerInformation, m.Attempts)));
        Assert.All(history, m => Assert.NotNull(m.LastAttemptAt));
    }

    [Fact]
    public async Task A_delivered_instruction_enqueued_again_is_not_sent_again()
    {
        var peer = NewPeer();
        var link = Link(peer);
        await link.Enqueue(Instruction("refund-1"));
        Assert.True(await AllDeliveredAsync(peer, 1));
        Assert.Empty(await link.GetMessages());

        await link.Enqueue(Instruction("refund-1"));
        await link.Enqueue(Instruction("refund-2"));

        Assert.True(await AllDeliveredAsync(peer, 2));
        Assert.Equal(1, _transport.SendsOf(peer, "refund-1"));
        Assert.Equal(1, _transport.SendsOf(peer, "refund-2"));
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.unique_claims WHERE scope = 'outbound' AND key = $1", $"{peer}/refund-1"));
    }

    [Fact]
    public async Task Dead_messages_beyond_the_cap_leave_the_link_but_stay_dead_in_the_history()
    {
        var peer = NewPeer();
        _transport.MarkDown(peer);
        var link = Link(peer);
        for (var i = 0; i < MaxDeadKept + 2; i++)
        {
            await link.Enqueue(Instruction($"dead-{i}"));
        }

        Assert.True(await Eventually.HoldsAsync(async () => await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.outbound_messages WHERE peer = $1 AND status = 'dead'", peer) == MaxDeadKept + 2));
        Assert.True(await Eventually.HoldsAsync(async () => (await link.GetMessages()).Count == MaxDeadKept));
        Assert.All(await link.GetMessages(), m => Assert.Equal(OutboundMessageStatus.Dead, m.Status));
        Assert.Equal(MaxDeadKept + 2, (await new OutboundMessageLog(_dataSource).RecentAsync(peer, 100)).Count(m => m.Status == OutboundMessageStatus.Dead));

        // A dead one the link still holds can be closed, and then it is gone from the link.
        var kept = (await link.GetMessages())[0].InstructionId;
        Assert.True(await link.Close(kept, "settled by phone", "test"));
        Assert.False(await link.Close(kept, "again", "test"));
        Assert.Equal(MaxDeadKept - 1, (await link.GetMessages()).Count);
        Assert.Equal("closed", await database.ScalarAsync<string>(
            "SELECT status FROM nontax.outbound_messages WHERE peer = $1 AND instruction_id = $2", peer, kept));
    }

    [Fact]
    public async Task State_stored_before_messages_left_the_link_is_migrated_on_activation()
    {
        // A row of this silo's bank-link state tells the grain type and state name to write the old state under.
        var known = NewPeer();
        await Link(known).Enqueue(Instruction("x"));
        Assert.True(await AllDeliveredAsync(known, 1));
        var grainType = (await database.ScalarAsync<string>("SELECT grain_type FROM nontax.grain_state WHERE grain_id = $1", known))!;
        var stateName = (await database.ScalarAsync<string>("SELECT state_name FROM nontax.grain_state WHERE grain_id = $1", known))!;

        var peer = NewPeer();
        var now = DateTimeOffset.UtcNow;
        var old = new BankLinkState();
        old.Messages["old-delivered"] = new OutboundMessage
        {
            Instruction = Instruction("old-delivered"),
            MsgId = "OLD-1",
            Status = OutboundMessageStatus.Delivered,
            Attempts = 1,
            QueuedAt = now.AddDays(-3),
            NextAttemptAt = now.AddDays(-3),
            FinishedAt = now.AddDays(-3),
            RetryWindowStart = now.AddDays(-3),
        };
        old.Messages["old-pending"] = new OutboundMessage
        {
            Instruction = Instruction("old-pending"),
            MsgId = "OLD-2",
            Status = OutboundMessageStatus.Pending,
            QueuedAt = now,
            NextAttemptAt = now,
            RetryWindowStart = now,
        };
        Assert.Equal(0, old.Format);
        var payload = _silo.Host.Services.GetRequiredService<Serializer>().SerializeToArray(old);
        await database.ScalarAsync<int>(
            "INSERT INTO nontax.grain_state (grain_type, grain_id, state_name, version, payload) VALUES ($1, $2, $3, 1, $4)",
            grainType, peer, stateName, payload);

        var link = Link(peer);
        Assert.True(await Eventually.HoldsAsync(async () => (await link.GetMessages()).Count == 0));
        Assert.Equal(1, _transport.SendsOf(peer, "old-pending"));
        Assert.Equal("OLD-1", await database.ScalarAsync<string>(
            "SELECT owner FROM nontax.unique_claims WHERE scope = 'outbound' AND key = $1", $"{peer}/old-delivered"));

        await link.Enqueue(Instruction("old-delivered"));
        await link.Enqueue(Instruction("old-pending"));
        await Task.Delay(500);
        Assert.Equal(0, _transport.SendsOf(peer, "old-delivered"));
        Assert.Equal(1, _transport.SendsOf(peer, "old-pending"));
        Assert.True(await database.ScalarAsync<long>("SELECT octet_length(payload) FROM nontax.grain_state WHERE grain_id = $1", peer)
            <= await database.ScalarAsync<long>("SELECT octet_length(payload) FROM nontax.grain_state WHERE grain_id = $1", known));
    }

    private IBankLinkGrain Link(string peer) => _silo.Grains.GetGrain<IBankLinkGrain>(peer);

    private static string NewPeer() => "D" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static OutboundInstruction Instruction(string id) =>
        new(id, "5002", id, [new VoucherField("Info", id)], DateTimeOffset.UtcNow);

    private Task<bool> AllDeliveredAsync(string peer, int count) =>
        Eventually.HoldsAsync(async () => await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.outbound_messages WHERE peer = $1 AND status = 'delivered'", peer) == count);

    private async Task<long> StoredBytesAsync(string peer) =>
        await database.ScalarAsync<long>("SELECT octet_length(payload) FROM nontax.grain_state WHERE grain_id = $1", peer);

    private sealed class GuidMessageIds : IMessageIdSource
    {
        public string Next() => Guid.NewGuid().ToString("N")[..20];
    }
}
