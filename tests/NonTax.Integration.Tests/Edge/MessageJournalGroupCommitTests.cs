using Microsoft.Extensions.Options;
using NonTax.Infrastructure.Messages;
using NonTax.Integration.Tests.Fixtures;
using Npgsql;
using static NonTax.Integration.Tests.Edge.JournalExchanges;

namespace NonTax.Integration.Tests.Edge;

/// <summary>
/// The edge's message journal against PostgreSQL: many connections' exchanges share one
/// transaction, lookups share one query, and every guarantee of the one-by-one journal holds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MessageJournalGroupCommitTests(PostgresFixture database) : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    public Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private MessageJournal NewJournal(TimeSpan maxDelay = default) =>
        new(_dataSource, Options.Create(new MessageJournalOptions { MaxDelay = maxDelay }));

    private Task<long> CountAsync(string table, string peerColumn, string peer) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE {peerColumn} = $1", peer);

    [Fact]
    public async Task Concurrent_exchanges_share_transactions_and_are_all_durable()
    {
        await using var journal = NewJournal();
        var peer = NewPeer();
        const int exchanges = 300;

        var replies = Enumerable.Range(0, exchanges).Select(i => Reply($"M{i}")).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, exchanges).Select(i => Task.Run(() => RecordAsync(journal, peer, $"M{i}", replies[i]))));

        Assert.All(Enumerable.Range(0, exchanges), i => Assert.Same(replies[i], results[i]));
        Assert.Equal(exchanges, journal.Metrics.ExchangesWritten);
        Assert.True(journal.Metrics.WriteBatches < exchanges, $"{journal.Metrics.WriteBatches} transactions for {exchanges} exchanges");
        Assert.Equal(exchanges, await CountAsync("nontax.inbound_replies", "src", peer));
        Assert.Equal(2 * exchanges, await CountAsync("nontax.message_archive", "peer", peer));
    }

    [Fact]
    public async Task A_frame_whose_note_carries_nul_characters_is_archived_and_its_reply_found_again()
    {
        await using var journal = NewJournal();
        var peer = NewPeer();
        var msgId = "M" + Guid.NewGuid().ToString("N")[..8];
        var reply = Reply(msgId);

        var stored = await RecordAsync(journal, peer, msgId, reply, note: "bad field\0value");

        Assert.Same(reply, stored);
        Assert.Equal(2, await CountAsync("nontax.message_archive", "peer", peer));
        Assert.Equal("bad field\u2400value", await database.ScalarAsync<string>(
            "SELECT note FROM nontax.message_archive WHERE peer = $1 AND direction = 'I'", peer));
        Assert.Equal(reply.ReplyBody, (await journal.FindReplyAsync(peer, msgId, CancellationToken.None))!.ReplyBody);
    }

    [Fact]
    public async Task Concurrent_lookups_share_queries_and_find_exactly_what_is_stored()
    {
        await using var journal = NewJournal();
        var peer = NewPeer();
        var stored = Reply("stored");
        await RecordAsync(journal, peer, "stored", stored);
        const int lookups = 200;

        var found = await Task.WhenAll(Enumerable.Range(0, lookups).Select(i =>
            Task.Run(() => journal.FindReplyAsync(peer, i % 2 == 0 ? "stored" : $"absent{i}", CancellationToken.None))));

        Assert.All(Enumerable.Range(0, lookups), i =>
        {
            if (i % 2 == 0)
            {
                Assert.True(found[i]!.HasSameContent(stored));
            }
            else
            {
                Assert.Null(found[i]);
            }
        });
        Assert.Equal(lookups, journal.Metrics.LookupsAnswered);
        Assert.True(journal.Metrics.LookupBatches < lookups, $"{journal.Metrics.LookupBatches} queries for {lookups} lookups");
    }

    [Fact]
    public async Task A_resend_after_the_group_commit_gets_the_stored_reply_byte_for_byte_and_a_later_store_loses()
    {
        await using var journal = NewJournal();
        var peer = NewPeer();
        var first = Reply("M1", "00000", "body");
        await Task.WhenAll(RecordAsync(journal, peer, "M0", Reply("M0")), RecordAsync(journal, peer, "M1", first), RecordAsync(journal, peer, "M2", Reply("M2")));

        var found = await journal.FindReplyAsync(peer, "M1", CancellationToken.None);
        var second = await RecordAsync(journal, peer, "M1", Reply("M1", "10006", "body"));

        Assert.NotNull(found);
        Assert.Equal(first.BodySha256, found.BodySha256);
        Assert.Equal(first.ReplyBody, found.ReplyBody);
        Assert.Equal(first.ReplyMsgNo, found.ReplyMsgNo);
        Assert.Equal(first.Result, found.Result);
        Assert.True(second!.HasSameContent(first));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.inbound_replies WHERE src = $1 AND msg_id = 'M1'", peer));
    }

    [Fact]
    public async Task Copies_of_one_key_in_the_same_batch_all_get_the_first_stored_reply()
    {
        await using var journal = NewJournal(TimeSpan.FromMilliseconds(100));
        var peer = NewPeer();
        var replies = Enumerable.Range(0, 5).Select(i => Reply("M", $"0000{i}")).ToArray();

        var results = await Task.WhenAll(replies.Select(r => RecordAsync(journal, peer, "M", r)));

        var winner = Assert.Single(replies, r => results.Any(x => ReferenceEquals(x, r)));
        Assert.All(results, r => Assert.True(r!.HasSameContent(winner)));
        Assert.Equal(winner.Result, await database.ScalarAsync<string>("SELECT result FROM nontax.inbound_replies WHERE src = $1 AND msg_id = 'M'", peer));
        Assert.Equal(10L, await CountAsync("nontax.message_archive", "peer", peer));
    }

    [Fact]
    public async Task Two_edge_nodes_racing_on_the_same_keys_both_return_the_one_stored_winner()
    {
        await using var nodeA = NewJournal();
        await using var nodeB = NewJournal();
        var peer = NewPeer();
        const int keys = 100;

        var races = Enumerable.Range(0, keys).Select(async i =>
        {
            var ours = Reply($"M{i}", "00000");
            var theirs = Reply($"M{i}", "10006");
            var results = await Task.WhenAll(
                Task.Run(() => RecordAsync(nodeA, peer, $"M{i}", ours)),
                Task.Run(() => RecordAsync(nodeB, peer, $"M{i}", theirs)));
            return (i, ours, theirs, a: results[0]!, b: results[1]!);
        });

        foreach (var (i, ours, theirs, a, b) in await Task.WhenAll(races))
        {
            Assert.True(a.HasSameContent(b), $"key M{i}: node A returned {a.Result}, node B {b.Result}");
            var stored = await database.ScalarAsync<string>("SELECT result FROM nontax.inbound_replies WHERE src = $1 AND msg_id = $2", peer, $"M{i}");
            Assert.Equal(stored, a.Result);

            // Each node returns its own instance exactly when its reply is the one stored.
            Assert.Equal(stored == ours.Result, ReferenceEquals(a, ours));
            Assert.Equal(stored == theirs.Result, ReferenceEquals(b, theirs));
        }

        Assert.Equal(4 * keys, await CountAsync("nontax.message_archive", "peer", peer));
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_only_its_own_caller()
    {
        // The delay makes sure the bad exchange is queued together with its neighbours.
        await using var journal = NewJournal(TimeSpan.FromMilliseconds(200));
        var peer = NewPeer();
        const int exchanges = 20;

        // The archive's check constraint allows only directions I and O.
        var tasks = Enumerable.Range(0, exchanges)
            .Select(i => i == 7
                ? journal.RecordExchangeAsync(Request(peer, "M7") with { Direction = 'X' }, Answer(peer, "M7"), peer, "M7", Reply("M7"), CancellationToken.None)
                : RecordAsync(journal, peer, $"M{i}", Reply($"M{i}")))
            .ToArray();
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.IsType<PostgresException>(tasks[7].Exception?.InnerException, exactMatch: false);
        Assert.All(tasks.Where((_, i) => i != 7), t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal(exchanges - 1, await CountAsync("nontax.inbound_replies", "src", peer));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.inbound_replies WHERE src = $1 AND msg_id = 'M7'", peer));
        Assert.Equal(2 * (exchanges - 1), await CountAsync("nontax.message_archive", "peer", peer));
    }

    [Fact]
    public async Task An_unreachable_database_fails_every_queued_caller()
    {
        var closedPort = new NpgsqlConnectionStringBuilder(database.AppConnectionString) { Port = TestPorts.Next(), Timeout = 2 };
        await using var unreachable = NpgsqlDataSource.Create(closedPort.ConnectionString);
        await using var journal = new MessageJournal(unreachable, Options.Create(new MessageJournalOptions { MaxDelay = TimeSpan.FromMilliseconds(100) }));
        var peer = NewPeer();

        var tasks = Enumerable.Range(0, 20).Select(i => RecordAsync(journal, peer, $"M{i}", Reply($"M{i}"))).ToArray();
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.All(tasks, t => Assert.IsType<NpgsqlException>(t.Exception?.InnerException, exactMatch: false));
        Assert.Equal(0L, journal.Metrics.WriteBatches);
    }

    [Fact]
    public async Task Exchanges_without_a_reply_to_store_are_archived_with_their_empty_fields()
    {
        await using var journal = NewJournal();
        var peer = NewPeer();

        var notStored = await journal.RecordExchangeAsync(Request(peer, "M1"), Answer(peer, "M1"), peer, "M1", null, CancellationToken.None);
        await journal.ArchiveAsync(new ArchivedFrame(ArchivedFrame.Inbound, peer, null, null, null, null, null, "unreadable", new byte[] { 1, 2, 3 }), CancellationToken.None);

        Assert.Null(notStored);
        Assert.Null(await journal.FindReplyAsync(peer, "M1", CancellationToken.None));
        Assert.Equal(3L, await CountAsync("nontax.message_archive", "peer", peer));
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.message_archive WHERE peer = $1 AND msg_no IS NULL AND remote_address IS NULL AND raw_frame = '\\x010203'", peer));
    }

    [Fact]
    public async Task Disposing_commits_everything_already_queued()
    {
        var journal = NewJournal(TimeSpan.FromMilliseconds(50));
        var peer = NewPeer();
        const int exchanges = 50;

        var tasks = Enumerable.Range(0, exchanges).Select(i => RecordAsync(journal, peer, $"M{i}", Reply($"M{i}"))).ToArray();
        await journal.DisposeAsync();

        Assert.All(tasks, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal(exchanges, await CountAsync("nontax.inbound_replies", "src", peer));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => RecordAsync(journal, peer, "late", Reply("late")));
    }
}
