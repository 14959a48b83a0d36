using System.Diagnostics;
using Microsoft.Extensions.Options;
using NonTax.Infrastructure.Messages;
using NonTax.Integration.Tests.Fixtures;
using Npgsql;
using Xunit.Abstractions;
using static NonTax.Integration.Tests.Edge.JournalExchanges;

namespace NonTax.Integration.Tests.Edge;

/// <summary>
/// What the edge's journal costs per message at 64 concurrent bank connections: each connection
/// looks its (SRC, MsgID) up, then archives request and reply and stores the reply — once the way
/// the edge did before group commit (its own SELECT and its own transaction per message), once
/// through <see cref="MessageJournal"/>. Printed, not asserted; compare the ratio. Run by
/// <c>bash deploy/local/bench.sh</c>; <c>NONTAX_BENCH_ROUNDS</c> sets the messages per connection.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class JournalThroughputBenchmark(PostgresFixture database, ITestOutputHelper output)
{
    private const int Connections = 64;

    [Fact]
    public async Task Exchanges_per_second_one_transaction_each_vs_group_commit()
    {
        var rounds = DurableWriteRate.Rounds;
        await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        await using var journal = new MessageJournal(dataSource, Options.Create(new MessageJournalOptions { ConcurrentBatches = 1 }));
        await using var journal2 = new MessageJournal(dataSource, Options.Create(new MessageJournalOptions { ConcurrentBatches = 2 }));
        var peers = Enumerable.Range(0, Connections).Select(_ => NewPeer()).ToArray();

        // Warm both paths (connection pool, plans) outside the measurement.
        await Task.WhenAll(peers.Select(p => OneTransactionEachAsync(dataSource, p, "warm-a")));
        await Task.WhenAll(peers.Select(p => GroupCommitAsync(journal, p, "warm-b")));
        await Task.WhenAll(peers.Select(p => GroupCommitAsync(journal2, p, "warm-c")));
        var (batchesBefore, exchangesBefore) = (journal.Metrics.WriteBatches, journal.Metrics.ExchangesWritten);
        var (queriesBefore, lookupsBefore) = (journal.Metrics.LookupBatches, journal.Metrics.LookupsAnswered);

        var oneEach = await MeasureAsync(peers, rounds, (p, round) => OneTransactionEachAsync(dataSource, p, $"a{round}"));
        var grouped = await MeasureAsync(peers, rounds, (p, round) => GroupCommitAsync(journal, p, $"b{round}"));
        var grouped2 = await MeasureAsync(peers, rounds, (p, round) => GroupCommitAsync(journal2, p, $"c{round}"));

        var perCommit = (double)(journal.Metrics.ExchangesWritten - exchangesBefore) / (journal.Metrics.WriteBatches - batchesBefore);
        var perQuery = (double)(journal.Metrics.LookupsAnswered - lookupsBefore) / (journal.Metrics.LookupBatches - queriesBefore);
        DurableWriteRate.Report(output,
            $"Edge journal, {Connections} connections x {rounds} messages (lookup, archive 2 frames, store reply), durable exchange writes/s: " +
            $"one transaction each {oneEach:F0}, group commit {grouped:F0} ({grouped / oneEach:F1}x) " +
            $"with {perCommit:F1} exchanges per commit and {perQuery:F1} lookups per query, " +
            $"group commit with 2 batches in flight (the default) {grouped2:F0} ({grouped2 / oneEach:F1}x)");
        Assert.Equal(3L * Connections * (rounds + 1), await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.inbound_replies WHERE src = ANY($1)", [peers]));
    }

    /// <summary>
    /// Every connection sends its messages one after another, as a bank's connections do, without
    /// waiting for the other connections: so one connection's lookup overlaps another's commit.
    /// </summary>
    /// <returns>Messages per second over all connections.</returns>
    private static async Task<double> MeasureAsync(string[] peers, int rounds, Func<string, int, Task> exchange)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(peers.Select(p => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                await exchange(p, round);
            }
        })));
        return peers.Length * rounds / watch.Elapsed.TotalSeconds;
    }

    private static async Task GroupCommitAsync(MessageJournal journal, string peer, string msgId)
    {
        if (await journal.FindReplyAsync(peer, msgId, CancellationToken.None) is null)
        {
            await RecordAsync(journal, peer, msgId, Reply(msgId));
        }
    }

    /// <summary>The journal as it was before group commit: the baseline, kept here and nowhere else.</summary>
    private static async Task OneTransactionEachAsync(NpgsqlDataSource dataSource, string peer, string msgId)
    {
        await using (var lookup = dataSource.CreateCommand("SELECT body_sha256, reply_msg_no, reply_body, result FROM nontax.inbound_replies WHERE src = $1 AND msg_id = $2"))
        {
            lookup.Parameters.AddWithValue(peer);
            lookup.Parameters.AddWithValue(msgId);
            await using var reader = await lookup.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                return;
            }
        }

        var reply = Reply(msgId);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var frame in new[] { Request(peer, msgId), Answer(peer, msgId) })
            {
                var archive = new NpgsqlBatchCommand(
                    "INSERT INTO nontax.message_archive (direction, peer, remote_address, msg_no, msg_id, msg_ref, result, note, raw_frame) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
                foreach (var value in new object?[] { frame.Direction.ToString(), frame.Peer, frame.RemoteAddress, frame.MsgNo, frame.MsgId, frame.MsgRef, frame.Result, frame.Note, frame.RawFrame.ToArray() })
                {
                    archive.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                batch.BatchCommands.Add(archive);
            }

            var store = new NpgsqlBatchCommand(
                "INSERT INTO nontax.inbound_replies (src, msg_id, body_sha256, reply_msg_no, reply_body, result) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (src, msg_id) DO NOTHING");
            foreach (var value in new object[] { peer, msgId, reply.BodySha256, reply.ReplyMsgNo, reply.ReplyBody, reply.Result })
            {
                store.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(store);
            await batch.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
