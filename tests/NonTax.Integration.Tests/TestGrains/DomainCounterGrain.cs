using System.Runtime.ExceptionServices;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Integration.Tests.TestGrains;

[GenerateSerializer]
public sealed class JournaledCounterState : IJournaledState
{
    [Id(0)] public int Value { get; set; }

    // Not serialized: the storage provider drains it into the same transaction as the state.
    [NonSerialized]
    private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}

public sealed class DomainCounterGrain(
    [PersistentState("counter", StorageNames.Domain)] IPersistentState<JournaledCounterState> state) : Grain, IDomainCounterGrain
{
    public async Task Set(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public async Task SetWithJournal(int value, string claimKey)
    {
        var key = this.GetPrimaryKeyString();
        var previous = state.State.Value;
        state.State.Value = value;
        state.State.Journal.Record(new BusinessFact(
            $"counter.set:{key}:{value}", "counter.set", key, DateTimeOffset.UtcNow, $$"""{"value":{{value}}}"""));
        state.State.Journal.Claim(new UniqueClaim("test", claimKey, key));
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // The write was rejected: nothing was committed, so the grain goes back to what is stored.
            state.State.Value = previous;
            state.State.Journal.Clear();
            // Orleans wraps provider exceptions (other than InconsistentStateException) in an
            // OrleansException; surface the domain conflict itself to the caller.
            if (ex.InnerException is UniqueClaimConflictException conflict)
            {
                ExceptionDispatchInfo.Throw(conflict);
            }

            throw;
        }
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task<string> HostingSilo() => Task.FromResult(RuntimeIdentity);
}
