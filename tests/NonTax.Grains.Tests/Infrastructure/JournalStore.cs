using System.Collections.Concurrent;
using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>
/// The "database" behind <see cref="JournalingMemoryStorage"/>: grain states, business facts
/// (idempotent by FactId) and unique claims, shared by both silos and surviving silo restarts.
/// </summary>
public sealed class JournalStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string ETag, object State)> _states = [];
    private readonly Dictionary<string, BusinessFact> _facts = [];
    private readonly List<BusinessFact> _factLog = [];
    private readonly Dictionary<(string Scope, string Key), string> _claims = [];
    private readonly ConcurrentDictionary<string, int> _failNextWrites = new();
    private readonly Dictionary<string, DateTimeOffset> _pendingHandOvers = [];

    public static JournalStore Shared { get; } = new();

    /// <summary>Every fact inserted, in commit order; a replayed FactId is not inserted twice.</summary>
    public IReadOnlyList<BusinessFact> Facts
    {
        get
        {
            lock (_gate)
            {
                return [.. _factLog];
            }
        }
    }

    public IReadOnlyList<BusinessFact> FactsAbout(string subject) => [.. Facts.Where(f => f.Subject == subject)];

    /// <summary>Number of times a FactId was offered again with a different payload: must stay 0.</summary>
    public int ConflictingFactReplays { get; private set; }

    public bool HasState(string grainKey)
    {
        lock (_gate)
        {
            return _states.Keys.Any(k => k.EndsWith("/" + grainKey, StringComparison.Ordinal));
        }
    }

    /// <summary>The stored state named <paramref name="stateName"/> of the grain keyed <paramref name="grainKey"/>, if any.</summary>
    public object? StateOf(string stateName, string grainKey)
    {
        lock (_gate)
        {
            return _states.FirstOrDefault(e => e.Key.StartsWith(stateName + "/", StringComparison.Ordinal)
                && e.Key.EndsWith("/" + grainKey, StringComparison.Ordinal)).Value.State;
        }
    }

    /// <summary>The stored state of the grain whose id ends with <paramref name="grainKey"/>, as last committed.</summary>
    public T? StateOf<T>(string grainKey)
        where T : class
    {
        lock (_gate)
        {
            return _states.Where(e => e.Key.EndsWith("/" + grainKey, StringComparison.Ordinal)).Select(e => e.Value.State).OfType<T>().FirstOrDefault();
        }
    }

    /// <summary>Payment codes with a pending_handovers "row", and since when (real time, as the database stamps it).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> PendingHandOvers
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, DateTimeOffset>(_pendingHandOvers);
            }
        }
    }

    /// <summary>Makes the next write of a grain whose id contains <paramref name="grainKey"/> fail as a database outage would.</summary>
    public void FailNextWriteOf(string grainKey) => _failNextWrites[grainKey] = 1;

    internal (string ETag, object State)? Read(string id)
    {
        lock (_gate)
        {
            return _states.TryGetValue(id, out var entry) ? entry : null;
        }
    }

    internal string Commit(string id, string? expectedETag, object stateCopy, IReadOnlyList<BusinessFact> facts, IReadOnlyList<UniqueClaim> claims,
        HandOverMark? handOver = null)
    {
        foreach (var key in _failNextWrites.Keys)
        {
            if (id.Contains(key, StringComparison.Ordinal) && _failNextWrites.TryRemove(key, out _))
            {
                throw new IOException($"Injected storage failure writing {id}.");
            }
        }

        lock (_gate)
        {
            var currentETag = _states.TryGetValue(id, out var current) ? current.ETag : null;
            if (currentETag != expectedETag)
            {
                throw new InvalidOperationException($"ETag mismatch writing {id}: {expectedETag} vs {currentETag}.");
            }

            foreach (var claim in claims)
            {
                if (_claims.TryGetValue((claim.Scope, claim.Key), out var owner) && owner != claim.Owner)
                {
                    throw new UniqueClaimConflictException(claim.Scope, claim.Key, owner);
                }
            }

            foreach (var claim in claims)
            {
                _claims[(claim.Scope, claim.Key)] = claim.Owner;
            }

            foreach (var fact in facts)
            {
                if (_facts.TryGetValue(fact.FactId, out var existing))
                {
                    if (existing.PayloadJson != fact.PayloadJson || existing.Kind != fact.Kind)
                    {
                        ConflictingFactReplays++;
                    }

                    continue;
                }

                _facts[fact.FactId] = fact;
                _factLog.Add(fact);
            }

            if (handOver is { Pending: true })
            {
                _pendingHandOvers.TryAdd(handOver.PayCode, DateTimeOffset.UtcNow);
            }
            else if (handOver is { Pending: false })
            {
                _pendingHandOvers.Remove(handOver.PayCode);
            }

            var etag = Guid.NewGuid().ToString("N");
            _states[id] = (etag, stateCopy);
            return etag;
        }
    }

    internal void Clear(string id)
    {
        lock (_gate)
        {
            _states.Remove(id);
        }
    }
}
