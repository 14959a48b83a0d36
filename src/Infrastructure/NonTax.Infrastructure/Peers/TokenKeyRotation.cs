using Npgsql;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// Re-encrypts every token stored under <c>Security:PreviousTokenKey</c> with <c>Security:TokenKey</c>:
/// the peers' current and previous tokens and the pending token proposals (decided proposals hold
/// no token). One transaction with the rows locked, so a token change meanwhile waits for it;
/// if any ciphertext decrypts under neither key the whole rotation is refused and nothing changes.
/// A ciphertext already under the current key is left alone, so a second run changes nothing.
/// The tokens' plain text never leaves this method, and the peers' versions are not bumped (the
/// tokens themselves did not change, so an operator's edit in flight is not turned into a conflict).
/// </summary>
public static class TokenKeyRotation
{
    public const string ChangedBy = "rotate-token-key";

    public static async Task<TokenKeyRotationReport> RotateAsync(NpgsqlDataSource dataSource, TokenAtRestCipher cipher, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var peers = new List<(string NodeCode, byte[] Token, byte[]? Previous)>();
        await using (var select = new NpgsqlCommand(
            "SELECT node_code, token_cipher, previous_token_cipher FROM nontax.peers ORDER BY node_code FOR UPDATE", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                peers.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2)));
            }
        }

        var proposals = new List<(long Id, string NodeCode, byte[] Token)>();
        await using (var select = new NpgsqlCommand(
            "SELECT id, node_code, token_cipher FROM nontax.peer_token_proposals WHERE token_cipher IS NOT NULL ORDER BY id FOR UPDATE", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                proposals.Add((reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
            }
        }

        var unreadable = new List<string>();
        var alreadyCurrent = 0;
        var peerUpdates = new List<(string NodeCode, byte[]? Token, byte[]? Previous)>();
        foreach (var (nodeCode, token, previous) in peers)
        {
            var newToken = Reencrypt(cipher, nodeCode, token, $"peers {nodeCode} token_cipher", unreadable, ref alreadyCurrent);
            var newPrevious = previous is null ? null : Reencrypt(cipher, nodeCode, previous, $"peers {nodeCode} previous_token_cipher", unreadable, ref alreadyCurrent);
            if (newToken is not null || newPrevious is not null)
            {
                peerUpdates.Add((nodeCode, newToken, newPrevious));
            }
        }

        var proposalUpdates = new List<(long Id, byte[] Token)>();
        foreach (var (id, nodeCode, token) in proposals)
        {
            if (Reencrypt(cipher, nodeCode, token, $"peer_token_proposals {id} ({nodeCode}) token_cipher", unreadable, ref alreadyCurrent) is { } newToken)
            {
                proposalUpdates.Add((id, newToken));
            }
        }

        if (unreadable.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new TokenKeyRotationReport(0, 0, 0, alreadyCurrent, unreadable);
        }

        foreach (var (nodeCode, token, previous) in peerUpdates)
        {
            await using var update = new NpgsqlCommand(
                """
                UPDATE nontax.peers SET token_cipher = coalesce($2, token_cipher), previous_token_cipher = coalesce($3, previous_token_cipher)
                WHERE node_code = $1
                """, connection, transaction);
            update.Parameters.AddWithValue(nodeCode);
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)token ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)previous ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
            await update.ExecuteNonQueryAsync(cancellationToken);

            // The audit trail says the key changed under this peer's tokens, never the tokens.
            await using var change = new NpgsqlCommand(
                "INSERT INTO nontax.peer_changes (node_code, change, detail, changed_by) VALUES ($1, 'token-key-rotated', $2::jsonb, $3)", connection, transaction);
            change.Parameters.AddWithValue(nodeCode);
            change.Parameters.AddWithValue($$"""{"token":{{(token is null ? "false" : "true")}},"previousToken":{{(previous is null ? "false" : "true")}}}""");
            change.Parameters.AddWithValue(ChangedBy);
            await change.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (id, token) in proposalUpdates)
        {
            await using var update = new NpgsqlCommand("UPDATE nontax.peer_token_proposals SET token_cipher = $2 WHERE id = $1", connection, transaction);
            update.Parameters.AddWithValue(id);
            update.Parameters.AddWithValue(token);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new TokenKeyRotationReport(
            peerUpdates.Count(u => u.Token is not null),
            peerUpdates.Count(u => u.Previous is not null),
            proposalUpdates.Count,
            alreadyCurrent,
            []);
    }

    /// <summary>The ciphertext under the current key if it is under the previous one; null if nothing to do.</summary>
    private static byte[]? Reencrypt(TokenAtRestCipher cipher, string nodeCode, byte[] stored, string row, List<string> unreadable, ref int alreadyCurrent)
    {
        switch (cipher.Identify(nodeCode, stored))
        {
            case TokenCiphertextKey.Current:
                alreadyCurrent++;
                return null;
            case TokenCiphertextKey.Previous:
                return cipher.Encrypt(nodeCode, cipher.Decrypt(nodeCode, stored));
            default:
                unreadable.Add(row);
                return null;
        }
    }
}
