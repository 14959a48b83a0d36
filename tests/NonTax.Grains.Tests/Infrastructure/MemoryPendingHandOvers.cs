using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>The sweeper's source over <see cref="JournalStore.PendingHandOvers"/>, paged like the SQL one.</summary>
public sealed class MemoryPendingHandOvers(JournalStore store) : IPendingHandOverSource
{
    public Task<IReadOnlyList<string>> ReadDueAsync(TimeSpan grace, string? after, int limit, CancellationToken cancellationToken = default)
    {
        var cutoff = DateTimeOffset.UtcNow - grace;
        IReadOnlyList<string> due = [.. store.PendingHandOvers
            .Where(p => p.Value <= cutoff && (after is null || string.CompareOrdinal(p.Key, after) > 0))
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .Take(limit)];
        return Task.FromResult(due);
    }
}
