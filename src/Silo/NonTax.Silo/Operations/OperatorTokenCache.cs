using System.Collections.Concurrent;
using NonTax.Infrastructure.MachineTokens;

namespace NonTax.Silo.Operations;

/// <summary>
/// Machine tokens as <see cref="OperatorApiGate"/> sees them: looked up in PostgreSQL by the hash
/// of the presented secret and kept for <c>Operations:MachineTokenCacheSeconds</c> (default 5, at
/// most 30), so a script polling the API does not cost a query per call while a revoke still takes
/// effect on every silo within that time. Unknown secrets are kept too, so guessing costs no query
/// either; the cache is cleared when it grows past <see cref="MaxEntries"/>.
/// </summary>
public sealed class OperatorTokenCache(MachineTokenStore store, IConfiguration configuration, TimeProvider clock)
{
    public const string CacheSetting = "Operations:MachineTokenCacheSeconds";
    public const int MaxEntries = 1000;

    private readonly ConcurrentDictionary<string, (MachineToken? Token, DateTimeOffset LoadedAt)> _entries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(CacheSetting, 5), 0, 30));

    public async Task<MachineToken?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(MachineTokenSecret.Hash(presented));
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && now - cached.LoadedAt < Lifetime)
        {
            return cached.Token;
        }

        var token = await store.FindBySecretAsync(presented, cancellationToken);
        if (token is not null && token.IsUsableAt(now))
        {
            await store.TouchAsync(token.Id, cancellationToken);
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = (token, now);
        return token;
    }
}
