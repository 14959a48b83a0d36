using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using NonTax.Infrastructure.Hosting;
using NonTax.Protocol.Nodes;
using Npgsql;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// The peers table: lookup for every inbound frame and outbound message, changes at run time,
/// token rotation. Lookups are cached for a short time because every frame needs one; a change
/// made here clears the local cache at once, and other edge nodes see it within
/// <see cref="CacheLifetime"/> (the old token stays valid for its grace period, so that window is safe).
/// </summary>
public sealed class PeerRegistry(NpgsqlDataSource dataSource, TokenAtRestCipher cipher, TimeProvider time)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions ChangeDetailOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ConcurrentDictionary<string, (Peer? Peer, DateTimeOffset LoadedAt)> _cache = new(StringComparer.Ordinal);

    public async Task<Peer?> FindAsync(string nodeCode, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(nodeCode, out var cached) && now - cached.LoadedAt < CacheLifetime)
        {
            return cached.Peer;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT node_code, kind, name, token_cipher, previous_token_cipher, previous_token_expires_at, endpoint_host, endpoint_port, allowed_networks, acting_units, enabled, version FROM nontax.peers WHERE node_code = $1");
        command.Parameters.AddWithValue(nodeCode);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var peer = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        _cache[nodeCode] = (peer, now);
        return peer;
    }

    public async Task<IReadOnlyList<Peer>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT node_code, kind, name, token_cipher, previous_token_cipher, previous_token_expires_at, endpoint_host, endpoint_port, allowed_networks, acting_units, enabled, version FROM nontax.peers ORDER BY node_code");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var peers = new List<Peer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            peers.Add(Read(reader));
        }

        return peers;
    }

    /// <summary>Adds the peer only if its node code is not registered yet; returns whether it was added.
    /// Seeding uses this so that a restart never undoes a rotation or an edit made at run time.</summary>
    public async Task<bool> AddIfAbsentAsync(PeerDefinition definition, string changedBy, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(definition);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO nontax.peers (node_code, kind, name, token_cipher, endpoint_host, endpoint_port, allowed_networks, acting_units, updated_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (node_code) DO NOTHING
            """, connection, transaction);
        AddDefinitionParameters(insert, definition);
        insert.Parameters.AddWithValue(changedBy);
        var added = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (added)
        {
            await RecordChangeAsync(connection, transaction, definition.NodeCode, "added", "{}", changedBy, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _cache.TryRemove(definition.NodeCode, out _);
        return added;
    }

    /// <summary>
    /// Rotates a peer's token: the new one signs from now on; the old one is still accepted until
    /// <paramref name="grace"/> has passed, because the peer may not have received the reply that
    /// confirmed the change. Returns false when the peer changed since <paramref name="expectedVersion"/>.
    /// </summary>
    public async Task<bool> RotateTokenAsync(string nodeCode, string newToken, TimeSpan grace, int expectedVersion, string changedBy, CancellationToken cancellationToken = default)
    {
        if (!PeerDefinition.IsUsableToken(newToken))
        {
            throw new ArgumentException(PeerDefinition.TokenRule, nameof(newToken));
        }

        var peer = await FindFreshAsync(nodeCode, cancellationToken) ?? throw new InvalidOperationException($"Peer {nodeCode} is not registered.");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            """
            UPDATE nontax.peers SET previous_token_cipher = token_cipher, previous_token_expires_at = $2, token_cipher = $3,
                             version = version + 1, updated_at = now(), updated_by = $4
            WHERE node_code = $1 AND version = $5
            """, connection, transaction);
        update.Parameters.AddWithValue(nodeCode);
        update.Parameters.AddWithValue(time.GetUtcNow() + grace);
        update.Parameters.AddWithValue(cipher.Encrypt(nodeCode, newToken));
        update.Parameters.AddWithValue(changedBy);
        update.Parameters.AddWithValue(expectedVersion);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        var detail = $$"""{"fromVersion":{{peer.Version}},"graceSeconds":{{(int)grace.TotalSeconds}}}""";
        await RecordChangeAsync(connection, transaction, nodeCode, "token-rotated", detail, changedBy, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _cache.TryRemove(nodeCode, out _);
        return true;
    }

    /// <summary>
    /// Applies an operator's edit (name, endpoint, allowed networks, acting units, enabled) if the
    /// peer is still at <paramref name="expectedVersion"/>, and logs it in <c>peer_changes</c> with the
    /// new values — never a token, which this method cannot change.
    /// </summary>
    /// <exception cref="ArgumentException">The edited peer would be invalid (e.g. a network not in CIDR form).</exception>
    public async Task<PeerUpdateOutcome> UpdateAsync(string nodeCode, PeerChanges changes, int expectedVersion, string changedBy, CancellationToken cancellationToken = default)
    {
        var peer = await FindFreshAsync(nodeCode, cancellationToken);
        if (peer is null)
        {
            return PeerUpdateOutcome.NotFound;
        }

        if (peer.Version != expectedVersion)
        {
            return PeerUpdateOutcome.VersionConflict;
        }

        var edited = Apply(peer, changes);
        ThrowIfInvalid(edited);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            """
            UPDATE nontax.peers SET name = $2, endpoint_host = $3, endpoint_port = $4, allowed_networks = $5, acting_units = $6, enabled = $7,
                             version = version + 1, updated_at = now(), updated_by = $8
            WHERE node_code = $1 AND version = $9
            """, connection, transaction);
        update.Parameters.AddWithValue(nodeCode);
        update.Parameters.AddWithValue(edited.Name);
        update.Parameters.AddWithValue((object?)edited.EndpointHost ?? DBNull.Value);
        update.Parameters.AddWithValue((object?)edited.EndpointPort ?? DBNull.Value);
        update.Parameters.AddWithValue(edited.AllowedNetworks.ToArray());
        update.Parameters.AddWithValue(edited.ActingUnits.ToArray());
        update.Parameters.AddWithValue(changes.Enabled ?? peer.Enabled);
        update.Parameters.AddWithValue(changedBy);
        update.Parameters.AddWithValue(expectedVersion);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return PeerUpdateOutcome.VersionConflict;
        }

        var detail = JsonSerializer.Serialize(new { fromVersion = peer.Version, changes }, ChangeDetailOptions);
        await RecordChangeAsync(connection, transaction, nodeCode, "updated", detail, changedBy, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _cache.TryRemove(nodeCode, out _);
        return PeerUpdateOutcome.Updated;
    }

    /// <summary>The peer as it would be after <paramref name="changes"/>, with its current token so it validates like a new one.</summary>
    private static PeerDefinition Apply(Peer peer, PeerChanges changes)
    {
        var (host, port) = changes.RemoveEndpoint
            ? (null, null)
            : (changes.EndpointHost ?? peer.Endpoint?.Host, changes.EndpointPort ?? peer.Endpoint?.Port);
        return new PeerDefinition
        {
            NodeCode = peer.NodeCode,
            Name = changes.Name ?? peer.Name,
            Token = peer.Token,
            EndpointHost = host,
            EndpointPort = port,
            AllowedNetworks = changes.AllowedNetworks ?? peer.AllowedNetworks.Select(n => n.ToString()).ToArray(),
            ActingUnits = changes.ActingUnits ?? peer.ActingUnits,
        };
    }

    /// <summary>Reads the row bypassing the cache: decisions that change a peer must not act on a stale copy.</summary>
    public async Task<Peer?> FindFreshAsync(string nodeCode, CancellationToken cancellationToken = default)
    {
        _cache.TryRemove(nodeCode, out _);
        return await FindAsync(nodeCode, cancellationToken);
    }

    private void AddDefinitionParameters(NpgsqlCommand command, PeerDefinition definition)
    {
        command.Parameters.AddWithValue(definition.NodeCode);
        command.Parameters.AddWithValue(PeersTableKind.ToColumn(NodeCode.KindOf(definition.NodeCode)!.Value));
        command.Parameters.AddWithValue(definition.Name);
        command.Parameters.AddWithValue(cipher.Encrypt(definition.NodeCode, definition.Token));
        command.Parameters.AddWithValue((object?)definition.EndpointHost ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)definition.EndpointPort ?? DBNull.Value);
        command.Parameters.AddWithValue(definition.AllowedNetworks.ToArray());
        command.Parameters.AddWithValue(definition.ActingUnits.ToArray());
    }

    private static void ThrowIfInvalid(PeerDefinition definition)
    {
        var errors = definition.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Peer {definition.NodeCode}: {string.Join("; ", errors)}", nameof(definition));
        }
    }

    private static async Task RecordChangeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string nodeCode, string change, string detailJson, string changedBy, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO nontax.peer_changes (node_code, change, detail, changed_by) VALUES ($1, $2, $3::jsonb, $4)", connection, transaction);
        command.Parameters.AddWithValue(nodeCode);
        command.Parameters.AddWithValue(change);
        command.Parameters.AddWithValue(detailJson);
        command.Parameters.AddWithValue(changedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Peer Read(NpgsqlDataReader reader)
    {
        var nodeCode = reader.GetString(0);
        var previousCipher = reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4);
        var host = reader.IsDBNull(6) ? null : reader.GetString(6);
        var token = cipher.Decrypt(nodeCode, reader.GetFieldValue<byte[]>(3));
        var previousToken = previousCipher is null ? null : cipher.Decrypt(nodeCode, previousCipher);
        // From here on the token is in memory, and the log pipeline hides it wherever it appears.
        KnownSecrets.Register(token);
        KnownSecrets.Register(previousToken);
        return new Peer(
            nodeCode,
            PeersTableKind.FromColumn(reader.GetString(1)),
            reader.GetString(2),
            token,
            previousToken,
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            host is null || reader.IsDBNull(7) ? null : new DnsEndPoint(host, reader.GetInt32(7)),
            reader.GetFieldValue<string[]>(8).Select(IPNetwork.Parse).ToArray(),
            reader.GetFieldValue<string[]>(9),
            reader.GetBoolean(10),
            reader.GetInt32(11));
    }
}
