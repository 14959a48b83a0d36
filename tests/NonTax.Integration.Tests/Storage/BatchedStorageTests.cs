using NonTax.Grains.Abstractions.Journal;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Integration.Tests.TestGrains;

namespace NonTax.Integration.Tests.Storage;

/// <summary>The batched domain provider commits state, facts and claims together or not at all.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BatchedStorageTests(PostgresFixture database) : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(database, $"storage-{Guid.NewGuid():N}"[..20], "storage");

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task State_facts_and_claims_are_committed_together()
    {
        var key = $"journal-{Guid.NewGuid():N}";
        var claimKey = $"claim-{Guid.NewGuid():N}";

        await _silo.Grains.GetGrain<IDomainCounterGrain>(key).SetWithJournal(7, claimKey);

        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.grain_state WHERE grain_id = $1", key));
        Assert.Equal(7, await database.ScalarAsync<int>(
            "SELECT (payload ->> 'value')::int FROM nontax.business_facts WHERE fact_id = $1", $"counter.set:{key}:7"));
        Assert.Equal(key, await database.ScalarAsync<string>(
            "SELECT owner FROM nontax.unique_claims WHERE scope = 'test' AND key = $1", claimKey));
    }

    [Fact]
    public async Task Grains_activating_together_each_read_their_own_state()
    {
        // Written through one silo, activated all at once on a silo that has never seen them: the
        // reads share queries, and every grain still gets its own value (or none, if never written).
        var run = Guid.NewGuid().ToString("N");
        var written = Enumerable.Range(0, 300).ToDictionary(i => $"burst-{run}-{i}", i => i * 7);
        await Task.WhenAll(written.Select(w => _silo.Grains.GetGrain<IDomainCounterGrain>(w.Key).Set(w.Value)));
        var neverWritten = Enumerable.Range(0, 100).Select(i => $"absent-{run}-{i}").ToArray();

        await using var fresh = await TestSilo.StartAsync(database, $"reads-{run}"[..20], "reads");
        var keys = written.Keys.Concat(neverWritten).OrderBy(_ => Random.Shared.Next()).ToArray();
        var values = await Task.WhenAll(keys.Select(k => fresh.Grains.GetGrain<IDomainCounterGrain>(k).Get()));

        var read = keys.Zip(values).ToDictionary(p => p.First, p => p.Second);
        Assert.All(written, w => Assert.Equal(w.Value, read[w.Key]));
        Assert.All(neverWritten, k => Assert.Equal(0, read[k]));
    }

    [Fact]
    public async Task Claiming_a_key_again_as_its_owner_is_harmless()
    {
        var grain = _silo.Grains.GetGrain<IDomainCounterGrain>($"reclaim-{Guid.NewGuid():N}");
        var claimKey = $"claim-{Guid.NewGuid():N}";

        await grain.SetWithJournal(1, claimKey);
        await grain.SetWithJournal(2, claimKey);

        Assert.Equal(2, await grain.Get());
        Assert.Equal(2L, await database.ScalarAsync<long>(
            "SELECT version FROM nontax.grain_state WHERE grain_id = $1", grain.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task A_claim_held_by_another_owner_rejects_the_whole_write()
    {
        var claimKey = $"claim-{Guid.NewGuid():N}";
        var first = _silo.Grains.GetGrain<IDomainCounterGrain>($"first-{Guid.NewGuid():N}");
        var second = _silo.Grains.GetGrain<IDomainCounterGrain>($"second-{Guid.NewGuid():N}");
        await first.SetWithJournal(1, claimKey);

        var conflict = await Assert.ThrowsAsync<UniqueClaimConflictException>(() => second.SetWithJournal(2, claimKey));

        Assert.Equal(claimKey, conflict.Key);
        Assert.Equal(first.GetPrimaryKeyString(), conflict.ExistingOwner);
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.grain_state WHERE grain_id = $1", second.GetPrimaryKeyString()));
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.business_facts WHERE subject = $1", second.GetPrimaryKeyString()));
        Assert.Equal(first.GetPrimaryKeyString(), await database.ScalarAsync<string>(
            "SELECT owner FROM nontax.unique_claims WHERE scope = 'test' AND key = $1", claimKey));
    }

    [Fact]
    public async Task A_rejected_write_does_not_fail_the_writes_batched_with_it()
    {
        var claimKey = $"claim-{Guid.NewGuid():N}";
        await _silo.Grains.GetGrain<IDomainCounterGrain>($"holder-{Guid.NewGuid():N}").SetWithJournal(1, claimKey);
        var loser = _silo.Grains.GetGrain<IDomainCounterGrain>($"loser-{Guid.NewGuid():N}");
        var others = Enumerable.Range(0, 32)
            .Select(i => _silo.Grains.GetGrain<IDomainCounterGrain>($"neighbour-{i}-{Guid.NewGuid():N}"))
            .ToArray();

        var losing = loser.SetWithJournal(2, claimKey);
        var succeeding = others.Select((g, i) => g.SetWithJournal(i, $"own-{Guid.NewGuid():N}")).ToArray();

        await Assert.ThrowsAsync<UniqueClaimConflictException>(() => losing);
        await Task.WhenAll(succeeding);
        foreach (var (grain, i) in others.Select((g, i) => (g, i)))
        {
            Assert.Equal(1L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM nontax.business_facts WHERE fact_id = $1", $"counter.set:{grain.GetPrimaryKeyString()}:{i}"));
        }
    }

    [Fact]
    public async Task State_and_journal_work_after_reactivation()
    {
        var key = $"reactivate-{Guid.NewGuid():N}";
        var grain = _silo.Grains.GetGrain<IDomainCounterGrain>(key);
        await grain.SetWithJournal(5, $"claim-{Guid.NewGuid():N}");
        await _silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.True(await Eventually.HoldsAsync(async () => await grain.Get() == 5));
        await grain.SetWithJournal(6, $"claim-{Guid.NewGuid():N}");

        Assert.Equal(6, await grain.Get());
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.business_facts WHERE fact_id = $1", $"counter.set:{key}:6"));
    }
}
