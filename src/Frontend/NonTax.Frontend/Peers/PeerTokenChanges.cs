using System.Security.Claims;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;
using NonTax.Grains.Abstractions.Peers;
using NonTax.Infrastructure.MachineTokens;
using NonTax.Infrastructure.Peers;
using Npgsql;

namespace NonTax.Frontend.Peers;

/// <summary>
/// Token changes under maker-checker (四眼原则) as the web app sees them: one user proposes the
/// token agreed with the peer, a second user approves it, and the silo puts it in force
/// (<see cref="IPeerTokenChangeGrain"/>; the web app holds no token key and never reads a stored
/// token). Listing reads the peers' and proposals' plain columns. Every step goes to the audit
/// log, never with the token.
/// </summary>
public sealed class PeerTokenChanges(NpgsqlDataSource dataSource, IClusterClient cluster, AuditTrail audit, TimeProvider clock, MachineTokenStore machineTokens)
{
    public const string Pending = "pending";

    /// <summary>Longest grace period staff may give the old token.</summary>
    public static TimeSpan MaxGrace => IPeerTokenChangeGrain.MaxGrace;

    /// <summary>The peers without their tokens: the web app's role may read only these columns.</summary>
    public async Task<IReadOnlyList<PeerSummary>> ListPeersAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT node_code, kind, name, endpoint_host, endpoint_port, allowed_networks, acting_units, enabled, version, previous_token_expires_at
              FROM nontax.peers ORDER BY node_code
            """);
        var now = clock.GetUtcNow();
        var list = new List<PeerSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var graceEnds = reader.IsDBNull(9) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(9);
            list.Add(new PeerSummary(
                reader.GetString(0), PeersTableKind.FromColumn(reader.GetString(1)).ToString(), reader.GetString(2),
                reader.IsDBNull(3) ? null : $"{reader.GetString(3)}:{reader.GetInt32(4)}",
                reader.GetFieldValue<string[]>(5), reader.GetFieldValue<string[]>(6), reader.GetBoolean(7), reader.GetInt32(8),
                graceEnds > now ? graceEnds : null));
        }

        return list;
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
        // The token is checked here as well as in the silo so a malformed one never leaves the web app.
        if (!PeerDefinition.IsUsableToken(token))
        {
            await audit.RecordAsync("peer.token_propose", nodeCode, AuditTrail.Refused, PeerDefinition.TokenRule);
            return (PeerTokenOutcome.InvalidToken, null);
        }

        var step = await Desk.Propose(nodeCode, token, grace, UserScope.Of(user).UserName);
        await audit.RecordAsync("peer.token_propose", nodeCode, step.Outcome == PeerTokenOutcome.Proposed ? AuditTrail.Succeeded : AuditTrail.Refused,
            step.Outcome == PeerTokenOutcome.Proposed ? $"proposal {step.ProposalId}, {step.Detail}" : step.Detail);
        return (step.Outcome, step.ProposalId);
    }

    /// <summary>A second user puts the proposed token in force (in the silo, see <see cref="IPeerTokenChangeGrain"/>).</summary>
    public async Task<PeerTokenOutcome> ApproveAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default) =>
        await DecideAsync(user, id, approve: true, note: null);

    public async Task<PeerTokenOutcome> RejectAsync(ClaimsPrincipal user, long id, string? note, CancellationToken cancellationToken = default) =>
        await DecideAsync(user, id, approve: false, note);

    private IPeerTokenChangeGrain Desk => cluster.GetGrain<IPeerTokenChangeGrain>(IPeerTokenChangeGrain.Key);

    private async Task<PeerTokenOutcome> DecideAsync(ClaimsPrincipal user, long id, bool approve, string? note)
    {
        var action = approve ? "peer.token_approve" : "peer.token_reject";
        var decider = UserScope.Of(user).UserName;
        // A machine token is its own actor (token:<name>), so the silo's check already keeps it
        // from deciding its own proposal; this one keeps a token and the person who minted it from
        // being maker and checker of the same change.
        if (await ProposerAsync(id) is { } proposer && !string.Equals(proposer, decider, StringComparison.Ordinal)
            && await machineTokens.SamePartyAsync(proposer, decider))
        {
            await audit.RecordAsync(action, $"proposal {id}", AuditTrail.Refused, $"proposal {id} by {proposer}: the same person behind a machine token may not decide it");
            return PeerTokenOutcome.OwnProposal;
        }

        var step = await Desk.Decide(id, approve, note, decider);
        var result = step.Outcome switch
        {
            PeerTokenOutcome.Approved or PeerTokenOutcome.Rejected => AuditTrail.Succeeded,
            PeerTokenOutcome.PeerChanged => AuditTrail.Failed,
            _ => AuditTrail.Refused,
        };
        var detail = step.Outcome switch
        {
            PeerTokenOutcome.NotPending => "not pending",
            PeerTokenOutcome.OwnProposal => $"proposal {id}: the proposer may not decide it",
            _ => $"proposal {id} by {step.Proposer}" + (step.Detail is null ? "" : $": {step.Detail}"),
        };
        await audit.RecordAsync(action, step.NodeCode ?? $"proposal {id}", result, detail);
        return step.Outcome;
    }

    private async Task<string?> ProposerAsync(long id)
    {
        await using var command = dataSource.CreateCommand("SELECT proposed_by FROM nontax.peer_token_proposals WHERE id = $1");
        command.Parameters.AddWithValue(id);
        return await command.ExecuteScalarAsync() as string;
    }
}
