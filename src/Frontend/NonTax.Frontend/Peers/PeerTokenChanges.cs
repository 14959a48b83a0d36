using System.Security.Claims;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;
using NonTax.Infrastructure.Peers;
using Npgsql;

namespace NonTax.Frontend.Peers;

/// <summary>
/// Token changes under maker-checker (四眼原则): one user proposes the token agreed with the peer,
/// a second user approves it, and only then does <see cref="PeerRegistry.RotateTokenAsync"/> put it
/// in force (the old token stays valid for the proposal's grace period). Proposals live in
/// <c>nontax.peer_token_proposals</c> (deploy/sql/0810), the token encrypted like the peers
/// table's and erased once decided. Every step goes to the audit log, never with the token.
/// </summary>
public sealed class PeerTokenChanges(NpgsqlDataSource dataSource, PeerRegistry peers, TokenAtRestCipher cipher, AuditTrail audit, TimeProvider clock)
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Failed = "failed";

    /// <summary>Longest grace period staff may give the old token.</summary>
    public static readonly TimeSpan MaxGrace = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<PeerSummary>> ListPeersAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return (await peers.ListAsync(cancellationToken)).Select(p => PeerSummary.From(p, now)).ToArray();
    }

    /// <summary>Pending proposals first, then the most recent decisions.</summary>
    public async Task<IReadOnlyList<PeerTokenProposal>> ListProposalsAsync(string? nodeCode = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, node_code, token_length, grace_seconds, base_version, proposed_by, proposed_at, status, decided_by, decided_at, decision_note
              FROM nontax.peer_token_proposals
             WHERE ($1::text IS NULL OR node_code = $1)
             ORDER BY status <> 'pending', id DESC
             LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)nodeCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, 500) });
        var proposals = new List<PeerTokenProposal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            proposals.Add(new PeerTokenProposal(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt16(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return proposals;
    }

    /// <summary>Records a proposed token; nothing changes for the peer until a second user approves.</summary>
    public async Task<(PeerTokenOutcome Outcome, long? Id)> ProposeAsync(ClaimsPrincipal user, string nodeCode, string? token, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var actor = UserScope.Of(user).UserName;
        if (!PeerDefinition.IsUsableToken(token))
        {
            await audit.RecordAsync("peer.token_propose", nodeCode, AuditTrail.Refused, PeerDefinition.TokenRule);
            return (PeerTokenOutcome.InvalidToken, null);
        }

        if (grace < TimeSpan.Zero || grace > MaxGrace)
        {
            await audit.RecordAsync("peer.token_propose", nodeCode, AuditTrail.Refused, "grace outside 0–30 days");
            return (PeerTokenOutcome.InvalidGrace, null);
        }

        var peer = await peers.FindFreshAsync(nodeCode, cancellationToken);
        if (peer is null)
        {
            await audit.RecordAsync("peer.token_propose", nodeCode, AuditTrail.Refused, "no such peer");
            return (PeerTokenOutcome.UnknownPeer, null);
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
        command.Parameters.AddWithValue(actor);
        if (await command.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            await audit.RecordAsync("peer.token_propose", nodeCode, AuditTrail.Refused, "a change is already waiting for approval");
            return (PeerTokenOutcome.AlreadyPending, null);
        }

        await audit.RecordAsync("peer.token_propose", nodeCode, AuditTrail.Succeeded, $"proposal {id}, {token.Length} characters, grace {(int)grace.TotalSeconds} s, from version {peer.Version}");
        return (PeerTokenOutcome.Proposed, id);
    }

    /// <summary>
    /// A second user puts the proposed token in force. The proposal row stays locked until the
    /// rotation is done, so two approvers cannot rotate twice; if the peer changed since the
    /// proposal (another rotation, its own 2003), the proposal closes as failed and nothing changes.
    /// </summary>
    public async Task<PeerTokenOutcome> ApproveAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default) =>
        await DecideAsync(user, id, approve: true, note: null, cancellationToken);

    public async Task<PeerTokenOutcome> RejectAsync(ClaimsPrincipal user, long id, string? note, CancellationToken cancellationToken = default) =>
        await DecideAsync(user, id, approve: false, note: string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 200)], cancellationToken);

    private async Task<PeerTokenOutcome> DecideAsync(ClaimsPrincipal user, long id, bool approve, string? note, CancellationToken cancellationToken)
    {
        var actor = UserScope.Of(user).UserName;
        var action = approve ? "peer.token_approve" : "peer.token_reject";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string nodeCode, proposer;
        byte[] tokenCipher;
        int graceSeconds, baseVersion;
        await using (var select = new NpgsqlCommand(
            "SELECT node_code, token_cipher, grace_seconds, base_version, proposed_by FROM nontax.peer_token_proposals WHERE id = $1 AND status = 'pending' FOR UPDATE",
            connection, transaction))
        {
            select.Parameters.AddWithValue(id);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await audit.RecordAsync(action, $"proposal {id}", AuditTrail.Refused, "not pending");
                return PeerTokenOutcome.NotPending;
            }

            (nodeCode, tokenCipher, graceSeconds, baseVersion, proposer) =
                (reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4));
        }

        if (string.Equals(proposer, actor, StringComparison.Ordinal))
        {
            await audit.RecordAsync(action, nodeCode, AuditTrail.Refused, $"proposal {id}: the proposer may not decide it");
            return PeerTokenOutcome.OwnProposal;
        }

        var outcome = PeerTokenOutcome.Rejected;
        if (approve)
        {
            var token = cipher.Decrypt(nodeCode, tokenCipher);
            bool rotated;
            try
            {
                rotated = await peers.RotateTokenAsync(nodeCode, token, TimeSpan.FromSeconds(graceSeconds), baseVersion, $"web:{actor} (proposed by {proposer})", cancellationToken);
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
            update.Parameters.AddWithValue(id);
            update.Parameters.AddWithValue(outcome switch { PeerTokenOutcome.Approved => Approved, PeerTokenOutcome.Rejected => Rejected, _ => Failed });
            update.Parameters.AddWithValue(actor);
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)note ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(action, nodeCode, outcome == PeerTokenOutcome.PeerChanged ? AuditTrail.Failed : AuditTrail.Succeeded,
            $"proposal {id} by {proposer}" + (note is null ? "" : $": {note}"));
        return outcome;
    }
}
