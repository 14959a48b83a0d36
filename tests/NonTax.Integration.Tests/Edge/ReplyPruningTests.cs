using NonTax.Infrastructure.Messages;
using NonTax.Integration.Tests.Fixtures;
using Npgsql;

namespace NonTax.Integration.Tests.Edge;

/// <summary>The pruning SQL against PostgreSQL with back-dated rows: only replies past the retention go.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplyPruningTests(PostgresFixture database)
{
    private async Task StoreReplyAsync(string src, string msgId, TimeSpan age)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO nontax.inbound_replies (src, msg_id, body_sha256, reply_msg_no, reply_body, result, created_at) VALUES ($1, $2, '\\x00', '5001', '\\x00', '00000', now() - $3)", connection);
        insert.Parameters.AddWithValue(src);
        insert.Parameters.AddWithValue(msgId);
        insert.Parameters.AddWithValue(age);
        await insert.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Replies_older_than_the_retention_are_pruned_and_younger_ones_kept()
    {
        var src = $"D{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        await StoreReplyAsync(src, "old", TimeSpan.FromDays(31));
        await StoreReplyAsync(src, "young", TimeSpan.FromDays(29));
        await StoreReplyAsync(src, "new", TimeSpan.Zero);
        await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        var journal = new MessageJournal(dataSource);

        var removed = await journal.PruneRepliesAsync(TimeSpan.FromDays(30), CancellationToken.None);

        Assert.True(removed >= 1);
        Assert.Null(await journal.FindReplyAsync(src, "old", CancellationToken.None));
        Assert.NotNull(await journal.FindReplyAsync(src, "young", CancellationToken.None));
        Assert.NotNull(await journal.FindReplyAsync(src, "new", CancellationToken.None));
    }
}
