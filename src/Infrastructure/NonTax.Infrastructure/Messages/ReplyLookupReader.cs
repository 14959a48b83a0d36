using Npgsql;

namespace NonTax.Infrastructure.Messages;

/// <summary>Answers a batch of stored-reply lookups with one query.</summary>
internal sealed class ReplyLookupReader(NpgsqlDataSource dataSource, MessageJournalMetrics metrics)
{
    public async Task ReadAsync(IReadOnlyList<PendingLookup> lookups)
    {
        var found = new Dictionary<ReplyKey, StoredReply>();
        await using (var command = dataSource.CreateCommand(StoredReplyRows.SelectByKeys))
        {
            StoredReplyRows.AddKeys(command.Parameters, lookups.Select(l => l.Key).Distinct().ToList());
            await using var reader = await command.ExecuteReaderAsync();
            await StoredReplyRows.ReadIntoAsync(reader, found);
        }

        metrics.LookedUp(lookups.Count);
        foreach (var lookup in lookups)
        {
            lookup.Complete(found.GetValueOrDefault(lookup.Key));
        }
    }
}
