using NonTax.Grains.Abstractions.Journal;
using Orleans.Serialization;
using Orleans.Storage;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>
/// An in-memory stand-in for the batched PostgreSQL provider that honours the journal contract:
/// state, facts and claims of one write commit together or not at all, a claim held by another
/// owner fails the write with <see cref="UniqueClaimConflictException"/>, a hand-over mark keeps
/// the store's pending hand-overs in step, and the buffer is
/// cleared only after a successful commit.
/// </summary>
public sealed class JournalingMemoryStorage(DeepCopier copier, JournalStore store) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var entry = store.Read(Id(stateName, grainId));
        if (entry is { } found)
        {
            grainState.State = copier.Copy((T)found.State);
            grainState.ETag = found.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var journal = (grainState.State as IJournaledState)?.Journal;
        var etag = store.Commit(Id(stateName, grainId), grainState.ETag, copier.Copy(grainState.State)!,
            journal?.Facts ?? [], journal?.Claims ?? [], journal?.HandOver);
        journal?.Clear();
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.Clear(Id(stateName, grainId));
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Id(string stateName, GrainId grainId) => $"{stateName}/{grainId.Type}/{grainId.Key}";
}
