using System.Globalization;
using NonTax.Grains.Abstractions.Journal;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace NonTax.Persistence.Storage;

/// <summary>
/// Grain storage for domain grains (registered as <c>StorageNames.Domain</c>). Reads are single
/// row lookups; writes and clears go through the <see cref="CommitBatcher"/>, so the state, the
/// business facts, unique claims and hand-over marks of <see cref="IJournaledState"/> states, and the rows
/// projected from those facts commit in one transaction shared with other grains' writes.
/// <para>
/// State is serialized with Orleans' serializer: only <c>[Id]</c> members are stored, which keeps
/// the <see cref="JournalBuffer"/> out of the payload. The ETag is the row's version number.
/// </para>
/// </summary>
public sealed class BatchedGrainStorage(
    NpgsqlDataSource dataSource,
    CommitBatcher batcher,
    Serializer serializer,
    IEnumerable<IFactProjector> projectors) : IGrainStorage
{
    private readonly IFactProjector[] _projectors = projectors.ToArray();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = GrainStateKey.From(grainId, stateName);
        await using var command = dataSource.CreateCommand(
            "SELECT version, payload FROM nontax.grain_state WHERE grain_type = $1 AND grain_id = $2 AND state_name = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = key.GrainType });
        command.Parameters.Add(new NpgsqlParameter { Value = key.GrainId });
        command.Parameters.Add(new NpgsqlParameter { Value = key.StateName });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            // A fresh state, not whatever is in memory: JournaledCommit reads back after a failed
            // first write, and the change that failed must not survive in the activation.
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var version = reader.GetInt64(0);
        var payload = reader.GetFieldValue<byte[]>(1);
        grainState.State = serializer.Deserialize<T>(payload);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
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
