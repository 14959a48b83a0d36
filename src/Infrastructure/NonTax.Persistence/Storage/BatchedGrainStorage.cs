using System.Globalization;
using NonTax.Grains.Abstractions.Journal;
using Orleans.Serialization;
using Orleans.Storage;

namespace NonTax.Persistence.Storage;

/// <summary>
/// Grain storage for domain grains (registered as <c>StorageNames.Domain</c>). Reads go through the
/// <see cref="StateReadBatcher"/> (activations at one moment share a query); writes and clears go
/// through the <see cref="CommitBatcher"/>, so the state, the
/// business facts, unique claims and hand-over marks of <see cref="IJournaledState"/> states, and the rows
/// projected from those facts commit in one transaction shared with other grains' writes.
/// <para>
/// State is serialized with Orleans' serializer: only <c>[Id]</c> members are stored, which keeps
/// the <see cref="JournalBuffer"/> out of the payload. The ETag is the row's version number.
/// </para>
/// </summary>
public sealed class BatchedGrainStorage(
    StateReadBatcher reads,
    CommitBatcher batcher,
    Serializer serializer,
    IEnumerable<IFactProjector> projectors) : IGrainStorage
{
    private readonly IFactProjector[] _projectors = projectors.ToArray();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (await reads.ReadAsync(GrainStateKey.From(grainId, stateName)) is not { } stored)
        {
            // A fresh state, not whatever is in memory: JournaledCommit reads back after a failed
            // first write, and the change that failed must not survive in the activation.
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = serializer.Deserialize<T>(stored.Payload);
        grainState.ETag = stored.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var journal = (grainState.State as IJournaledState)?.Journal;
        var unit = new GrainStateUnit(
            GrainStateKey.From(grainId, stateName),
            ParseETag(grainState.ETag),
            serializer.SerializeToArray(grainState.State),
            journal?.Facts.ToArray() ?? [],
            journal?.Claims.ToArray() ?? [],
            _projectors,
            journal?.HandOver);

        await batcher.Enqueue(unit);

        grainState.ETag = unit.CommittedVersion!.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        // Only now: if the commit had failed the grain keeps its facts and claims for a retry.
        journal?.Clear();
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseETag(grainState.ETag);
        var journal = (grainState.State as IJournaledState)?.Journal;
        if (expected is not null || journal is { IsEmpty: false })
        {
            var unit = new GrainStateUnit(
                GrainStateKey.From(grainId, stateName),
                expected,
                payload: null,
                journal?.Facts.ToArray() ?? [],
                journal?.Claims.ToArray() ?? [],
                _projectors,
                journal?.HandOver);
            await batcher.Enqueue(unit);
            journal?.Clear();
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null : long.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);
}
