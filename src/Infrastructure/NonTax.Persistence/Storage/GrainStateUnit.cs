using NonTax.Grains.Abstractions.Journal;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace NonTax.Persistence.Storage;

/// <summary>
/// One grain's state change with its journal: the state row (insert, versioned update or delete),
/// its business facts, the typed rows projected from them, its unique claims and, for a notice,
/// its pending-hand-over row.
/// </summary>
internal sealed class GrainStateUnit(
    GrainStateKey key,
    long? expectedVersion,
    byte[]? payload,
    IReadOnlyList<BusinessFact> facts,
    IReadOnlyList<UniqueClaim> claims,
    IReadOnlyList<IFactProjector> projectors,
    HandOverMark? handOver = null) : CommitUnit
{
    private const string InsertSql = """
        WITH applied AS (
            INSERT INTO nontax.grain_state (grain_type, grain_id, state_name, version, payload, updated_at)
            VALUES ($1, $2, $3, 1, $4, now())
            ON CONFLICT DO NOTHING
            RETURNING 1)
        SELECT nontax.expect_state_applied((SELECT count(*) FROM applied), $5)
        """;

    private const string UpdateSql = """
        WITH applied AS (
            UPDATE nontax.grain_state
               SET version = version + 1, payload = $4, updated_at = now()
             WHERE grain_type = $1 AND grain_id = $2 AND state_name = $3 AND version = $6
            RETURNING 1)
        SELECT nontax.expect_state_applied((SELECT count(*) FROM applied), $5)
        """;

    private const string DeleteSql = """
        WITH applied AS (
            DELETE FROM nontax.grain_state
             WHERE grain_type = $1 AND grain_id = $2 AND state_name = $3 AND version = $5
            RETURNING 1)
        SELECT nontax.expect_state_applied((SELECT count(*) FROM applied), $4)
        """;

    // The inserted row is not visible to the outer SELECT of the same statement, hence the
    // fallback read of the existing owner when the insert did nothing.
    private const string ClaimSql = """
        WITH inserted AS (
            INSERT INTO nontax.unique_claims (scope, key, owner)
            VALUES ($1, $2, $3)
            ON CONFLICT (scope, key) DO NOTHING
            RETURNING owner)
        SELECT nontax.expect_claim_owner(
            COALESCE((SELECT owner FROM inserted),
                     (SELECT owner FROM nontax.unique_claims WHERE scope = $1 AND key = $2)),
            $3, $4)
        """;

    // The first writer's due_at stays: the sweep's grace counts from when the hand-over became due.
    private const string HandOverPendingSql = """
        INSERT INTO nontax.pending_handovers (pay_code, due_at) VALUES ($1, now())
        ON CONFLICT (pay_code) DO NOTHING
        """;

    private const string HandOverDoneSql = "DELETE FROM nontax.pending_handovers WHERE pay_code = $1";

    /// <summary>The version the row has once this unit is committed (null after a delete).</summary>
    public long? CommittedVersion => payload is null ? null : (expectedVersion ?? 0) + 1;

    public override void AddCommands(NpgsqlBatch batch, int unitNumber)
    {
        if (StateCommand(unitNumber) is { } stateCommand)
        {
            batch.BatchCommands.Add(stateCommand);
        }

        foreach (var claim in claims)
        {
            batch.BatchCommands.Add(Command(ClaimSql,
                Text(claim.Scope), Text(claim.Key), Text(claim.Owner), Int(unitNumber)));
        }

        foreach (var fact in facts)
        {
            FactRows.Add(batch, fact, projectors);
        }

        if (handOver is not null)
        {
            batch.BatchCommands.Add(Command(handOver.Pending ? HandOverPendingSql : HandOverDoneSql, Text(handOver.PayCode)));
        }
    }

    public override Exception ToFailure(CommitGuardViolation violation) => violation.Kind switch
    {
        CommitGuardKind.StaleState => new InconsistentStateException(
            $"Grain state {key} was changed by someone else (expected version {expectedVersion?.ToString() ?? "none"}).",
            storedEtag: "unknown",
            currentEtag: expectedVersion?.ToString() ?? "none"),
        _ => ClaimConflict(violation),
    };

    private UniqueClaimConflictException ClaimConflict(CommitGuardViolation violation)
    {
        // Name the claim that failed; a unit rarely holds more than one, so the first whose owner
        // differs from the holder is the one.
        var claim = claims.FirstOrDefault(c => c.Owner != violation.ExistingOwner) ?? claims[0];
        return new UniqueClaimConflictException(claim.Scope, claim.Key, violation.ExistingOwner ?? "");
    }

    private NpgsqlBatchCommand? StateCommand(int unitNumber)
    {
        var keyParameters = new[] { Text(key.GrainType), Text(key.GrainId), Text(key.StateName) };
        if (payload is null)
        {
            if (expectedVersion is null)
            {
                // Clearing a state that was never stored: only the journal is committed.
                return null;
            }

            return Command(DeleteSql, [.. keyParameters, Int(unitNumber), Long(expectedVersion ?? 0)]);
        }

        var body = new NpgsqlParameter { Value = payload, NpgsqlDbType = NpgsqlDbType.Bytea };
        return expectedVersion is null
            ? Command(InsertSql, [.. keyParameters, body, Int(unitNumber)])
            : Command(UpdateSql, [.. keyParameters, body, Int(unitNumber), Long(expectedVersion.Value)]);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Int(int value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };

    private static NpgsqlParameter Long(long value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Bigint };
}
