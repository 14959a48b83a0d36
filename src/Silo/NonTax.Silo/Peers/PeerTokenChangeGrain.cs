using NonTax.Grains.Abstractions.Peers;
using NonTax.Infrastructure.Peers;
using Npgsql;
using NpgsqlTypes;
using Orleans.Concurrency;

namespace NonTax.Silo.Peers;

/// <summary>
/// See <see cref="IPeerTokenChangeGrain"/>. The proposed token is stored encrypted like the peers'
/// own and erased once decided; the proposal row stays locked while it is decided, so two
/// approvers cannot rotate twice, and a peer that changed since the proposal (another rotation,
/// its own 2003) closes it as failed without a change.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class PeerTokenChangeGrain(NpgsqlDataSource dataSource, PeerRegistry peers, TokenAtRestCipher cipher) : Grain, IPeerTokenChangeGrain
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Failed = "failed";

    public const int MaxNoteLength = 200;

    public async Task<PeerTokenStep> Propose(string nodeCode, string token, TimeSpan grace, string proposedBy)
    {
        if (!PeerDefinition.IsUsableToken(token))
        {
            return new(PeerTokenOutcome.InvalidToken, null, nodeCode, null, PeerDefinition.TokenRule);
        }

        if (grace < TimeSpan.Zero || grace > IPeerTokenChangeGrain.MaxGrace)
        {
            return new(PeerTokenOutcome.InvalidGrace, null, nodeCode, null, "grace outside 0–30 days");
        }

        var peer = await peers.FindFreshAsync(nodeCode);
        if (peer is null)
        {
            return new(PeerTokenOutcome.UnknownPeer, null, nodeCode, null, "no such peer");
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO nontax.peer_token_proposals (node_code, token_cipher, token_length, grace_seconds, base_version, proposed_by)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (node_code) WHERE status = 'pending' DO NOTHING
            RETURNING id
            """);
        command.Parameters.AddWithValue(nodeCode);
        command.Parameters.AddWithValue(cipher.Encrypt(nodeCode, token));
        command.Parameters.AddWithValue((short)token.Length);
        command.Parameters.AddWithValue((int)grace.TotalSeconds);
        command.Parameters.AddWithValue(peer.Version);
        command.Parameters.AddWithValue(proposedBy);
        return await command.ExecuteScalarAsync() is long id
            ? new(PeerTokenOutcome.Proposed, id, nodeCode, proposedBy,
                $"{token.Length} characters, grace {(int)grace.TotalSeconds} s, from version {peer.Version}")
            : new(PeerTokenOutcome.AlreadyPending, null, nodeCode, null, "a change is already waiting for approval");
    }

    public async Task<PeerTokenStep> Decide(long proposalId, bool approve, string? note, string decidedBy)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, MaxNoteLength)];
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        string nodeCode, proposer;
        byte[] tokenCipher;
        int graceSeconds, baseVersion;
        await using (var select = new NpgsqlCommand(
            "SELECT node_code, token_cipher, grace_seconds, base_version, proposed_by FROM nontax.peer_token_proposals WHERE id = $1 AND status = 'pending' FOR UPDATE",
            connection, transaction))
        {
            select.Parameters.AddWithValue(proposalId);
            await using var reader = await select.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return new(PeerTokenOutcome.NotPending, proposalId, null, null, "not pending");
            }

            (nodeCode, tokenCipher, graceSeconds, baseVersion, proposer) =
                (reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4));
        }

        if (string.Equals(proposer, decidedBy, StringComparison.Ordinal))
        {
            return new(PeerTokenOutcome.OwnProposal, proposalId, nodeCode, proposer, "the proposer may not decide it");
        }

        var outcome = PeerTokenOutcome.Rejected;
        if (approve)
        {
            bool rotated;
            try
            {
                rotated = await peers.RotateTokenAsync(nodeCode, cipher.Decrypt(nodeCode, tokenCipher), TimeSpan.FromSeconds(graceSeconds), baseVersion,
                    $"web:{decidedBy} (proposed by {proposer})");
            }
            catch (InvalidOperationException)
            {
                // The peer is gone.
                rotated = false;
            }

            outcome = rotated ? PeerTokenOutcome.Approved : PeerTokenOutcome.PeerChanged;
            note = rotated ? null : $"peer changed since version {baseVersion}; propose again";
        }

        await using (var update = new NpgsqlCommand(
            "UPDATE nontax.peer_token_proposals SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4, token_cipher = NULL WHERE id = $1",
            connection, transaction))
        {
            update.Parameters.AddWithValue(proposalId);
            update.Parameters.AddWithValue(outcome switch { PeerTokenOutcome.Approved => Approved, PeerTokenOutcome.Rejected => Rejected, _ => Failed });
            update.Parameters.AddWithValue(decidedBy);
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)note ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await update.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return new(outcome, proposalId, nodeCode, proposer, note);
    }
}
