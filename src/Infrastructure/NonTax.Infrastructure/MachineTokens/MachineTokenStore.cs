using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace NonTax.Infrastructure.MachineTokens;

/// <summary>
/// <c>nontax.machine_tokens</c> (deploy/sql/0910_machine_tokens.sql): mint, list, revoke, and
/// find a token by the hash of a presented secret. The secret itself is never written anywhere.
/// Which rights a token may be given is the caller's decision (the web app: what the creating user
/// holds; the silo command: the operator API's); this class checks only their shape.
/// </summary>
public sealed partial class MachineTokenStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int MaxDays = 365;

    /// <summary>last_used_at is written at most this often per token, so a busy script does not write on every call.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private const string Columns =
        "id, name, purpose, prefix, permissions, unit_code, created_by, created_at, expires_at, revoked_by, revoked_at, last_used_at";

    public async Task<MachineTokenIssue> CreateAsync(MachineTokenDraft draft, CancellationToken cancellationToken = default)
    {
        if (Problem(draft) is { } problem)
        {
            return MachineTokenIssue.Refused(problem);
        }

        var secret = MachineTokenSecret.New();
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO nontax.machine_tokens (name, purpose, token_hash, prefix, permissions, unit_code, created_by, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (name) DO NOTHING
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue(draft.Name!.Trim());
        command.Parameters.AddWithValue(draft.Purpose!.Trim());
        command.Parameters.AddWithValue(MachineTokenSecret.Hash(secret));
        command.Parameters.AddWithValue(MachineTokenSecret.PrefixOf(secret));
        command.Parameters.AddWithValue(draft.Permissions!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Blank(draft.UnitCode) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.AddWithValue(draft.CreatedBy);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now.AddDays(draft.Days));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new MachineTokenIssue(Read(reader), secret, null)
            : MachineTokenIssue.Refused($"a token named {draft.Name!.Trim()} exists already (names are never reused)");
    }

    public async Task<IReadOnlyList<MachineToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM nontax.machine_tokens ORDER BY revoked_at IS NOT NULL, name LIMIT 1000");
        var tokens = new List<MachineToken>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(Read(reader));
        }

        return tokens;
    }

    public async Task<MachineToken?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM nontax.machine_tokens WHERE name = $1");
        command.Parameters.AddWithValue(name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// The token a presented secret belongs to, whatever its state (the caller decides what an
    /// expired or revoked one means); null for anything that is not a known secret. The stored
    /// hash is compared again in constant time after the indexed lookup.
    /// </summary>
    public async Task<MachineToken?> FindBySecretAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (!MachineTokenSecret.IsWellFormed(presented))
        {
            return null;
        }

        var hash = MachineTokenSecret.Hash(presented!);
        await using var command = dataSource.CreateCommand($"SELECT {Columns}, token_hash FROM nontax.machine_tokens WHERE token_hash = $1");
        command.Parameters.AddWithValue(hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(reader.GetFieldValue<byte[]>(12), hash) ? Read(reader) : null;
    }

    /// <summary>Revokes an active token; false when there is no such token or it was revoked before.</summary>
    public async Task<bool> RevokeAsync(string name, string revokedBy, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE nontax.machine_tokens SET revoked_by = $2, revoked_at = $3 WHERE name = $1 AND revoked_at IS NULL");
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(revokedBy);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Notes that a token was used (at most once per <see cref="LastUsedPrecision"/>).</summary>
    public async Task TouchAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand(
            "UPDATE nontax.machine_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now - LastUsedPrecision);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The person an actor name stands for in maker-checker: a token's creator for
    /// <c>token:&lt;name&gt;</c>, the name itself otherwise. Two actors that resolve to the same
    /// person are one party: a token and the user who minted it cannot be maker and checker.
    /// </summary>
    public async Task<string> PartyOfAsync(string actor, CancellationToken cancellationToken = default)
    {
        if (!actor.StartsWith(MachineTokenRights.ActorPrefix, StringComparison.Ordinal))
        {
            return actor;
        }

        var token = await FindByNameAsync(actor[MachineTokenRights.ActorPrefix.Length..], cancellationToken);
        return token?.CreatedBy ?? actor;
    }

    /// <summary>Whether two actors are the same party (see <see cref="PartyOfAsync"/>).</summary>
    public async Task<bool> SamePartyAsync(string first, string second, CancellationToken cancellationToken = default) =>
        string.Equals(first, second, StringComparison.Ordinal)
        || string.Equals(await PartyOfAsync(first, cancellationToken), await PartyOfAsync(second, cancellationToken), StringComparison.Ordinal);

    public static string? Problem(MachineTokenDraft draft)
    {
        if (draft.Name is null || !NameRule().IsMatch(draft.Name.Trim()))
        {
            return "name: 2–63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
        }

        if (string.IsNullOrWhiteSpace(draft.Purpose) || draft.Purpose.Trim().Length > 200)
        {
            return "purpose: required, at most 200 characters";
        }

        if (draft.Permissions is not { Count: > 0 } || draft.Permissions.Any(p => p is null || !PermissionRule().IsMatch(p)))
        {
            return "permissions: at least one, each like reports.view";
        }

        if (Blank(draft.UnitCode) is { } unit && !UnitRule().IsMatch(unit))
        {
            return "unit: a unit code of letters and digits";
        }

        return draft.Days is < 1 or > MaxDays ? $"days: 1 to {MaxDays} (a token always expires)" : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static MachineToken Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4),
        reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,62}$")]
    private static partial Regex NameRule();

    [GeneratedRegex("^[a-z]+(\\.[a-z]+)+$")]
    private static partial Regex PermissionRule();

    [GeneratedRegex("^[0-9A-Za-z]{1,32}$")]
    private static partial Regex UnitRule();
}
