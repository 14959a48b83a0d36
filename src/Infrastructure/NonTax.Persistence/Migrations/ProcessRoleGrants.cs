namespace NonTax.Persistence.Migrations;

/// <summary>
/// What each process role may do, applied after every migration. Each role's grants are reset
/// first (REVOKE ALL), so a privilege dropped here is also dropped from a database migrated
/// before. None of the roles owns anything or has CREATE on a schema, so none can ALTER, DROP,
/// TRUNCATE or create objects; the owner role alone can.
/// </summary>
public static class ProcessRoleGrants
{
    /// <summary>Orleans clients (edge, frontend) find the gateways through these, nothing more.</summary>
    private const string ClientClusteringTables = "public.orleansquery, public.orleansmembershiptable, public.orleansmembershipversiontable";

    /// <summary>Tables whose rows no process but the silo reads: grain state, the peers' token
    /// ciphertext and their history, every raw frame, the stored replies and idempotency claims.</summary>
    private const string SiloOnlyTables = "nontax.grain_state, nontax.unique_claims, nontax.peers, nontax.peer_changes, " +
        "nontax.message_archive, nontax.inbound_replies";

    public static string Silo(string roleName)
    {
        var role = Quote(roleName);
        return $"""
        {Reset(role)}
        GRANT USAGE ON SCHEMA public, nontax TO {role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, nontax TO {role};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public, nontax TO {role};
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public, nontax TO {role};
        -- The catalogue of Orleans queries and the migration journal are read-only at run time.
        REVOKE INSERT, UPDATE, DELETE ON public.orleansquery, nontax.schema_versions FROM {role};
        -- The web operation log is append-only (deploy/sql/0800_web_accounts.sql).
        REVOKE UPDATE, DELETE, TRUNCATE ON nontax.web_audit_log FROM {role};
        -- Machine tokens (0910_machine_tokens.sql): the silo authenticates /ops with them and
        -- notes when one was used; minting and revoking are the web app's (or the owner's, for the
        -- silo's machine-token command), so a compromised silo role cannot plant a token.
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON nontax.machine_tokens FROM {role};
        GRANT UPDATE (last_used_at) ON nontax.machine_tokens TO {role};
        """;
    }

    /// <summary>
    /// The edge verifies and signs with the peers' tokens (so it reads them) and changes one on a
    /// bank's 2003; it archives frames (never rewrites or deletes them), stores and prunes replies,
    /// records 2000/2952 and stores 2555 files, and looks up a payer's unpaid notices for 2698 (a
    /// few columns of <c>notices</c>). Grain state, web accounts and the rest of the projections
    /// are out of its reach: it asks the grains.
    /// </summary>
    public static string Edge(string roleName)
    {
        var role = Quote(roleName);
        return $"""
        {Reset(role)}
        GRANT USAGE ON SCHEMA public, nontax TO {role};
        GRANT SELECT ON {ClientClusteringTables} TO {role};
        GRANT SELECT, UPDATE ON nontax.peers TO {role};
        GRANT INSERT ON nontax.peer_changes, nontax.message_archive TO {role};
        GRANT SELECT, INSERT, DELETE ON nontax.inbound_replies TO {role};
        GRANT SELECT, INSERT ON nontax.green_channel_messages TO {role};
        GRANT SELECT, UPDATE ON nontax.base_data_pushes TO {role};
        GRANT SELECT, INSERT, UPDATE ON nontax.base_data_push_errors TO {role};
        GRANT SELECT, INSERT, DELETE ON nontax.reconciliation_batches TO {role};
        GRANT SELECT, INSERT, DELETE ON nontax.reconciliation_payments TO {role};
        GRANT SELECT, INSERT, UPDATE ON nontax.reconciliation_pending TO {role};
        -- 2557/2556/2581 files are stored like 2555's (0541_reconciliation_accounts.sql).
        GRANT SELECT, INSERT, DELETE ON nontax.reconciliation_arrivals, nontax.reconciliation_account_days,
            nontax.reconciliation_supervised_days TO {role};
        -- 8982 hands a unit system its signed e-bill file (0710_ebills.sql).
        GRANT SELECT ON nontax.ebills TO {role};
        -- The 2698 education query finds a payer's unpaid notices (UnpaidNoticesOfPayer): only the
        -- columns it filters and orders by, never the payer's name, amounts or lines.
        GRANT SELECT (pay_code, payer_credit_code, payer_mobile, status, last_payable_date, issue_date) ON nontax.notices TO {role};
        GRANT USAGE ON SEQUENCE nontax.message_id_node_seq, nontax.reconciliation_file_seq, nontax.peer_changes_id_seq,
            nontax.message_archive_id_seq, nontax.green_channel_messages_id_seq TO {role};
        """;
    }

    /// <summary>
    /// The frontend reads the relational projections (searches, reports, the wall) and keeps its
    /// own accounts; the audit log only grows. Of what <see cref="SiloOnlyTables"/> names it reads
    /// only the peers' plain columns (never a token's ciphertext): token changes are made in the silo.
    /// </summary>
    public static string Frontend(string roleName)
    {
        var role = Quote(roleName);
        return $"""
        {Reset(role)}
        GRANT USAGE ON SCHEMA public, nontax TO {role};
        GRANT SELECT ON {ClientClusteringTables} TO {role};
        GRANT SELECT ON ALL TABLES IN SCHEMA nontax TO {role};
        REVOKE SELECT ON {SiloOnlyTables}, nontax.schema_versions FROM {role};
        GRANT INSERT, UPDATE, DELETE ON nontax.web_users, nontax.web_roles, nontax.web_user_roles, nontax.web_user_claims,
            nontax.web_role_claims, nontax.web_user_logins, nontax.web_user_tokens TO {role};
        GRANT INSERT ON nontax.web_audit_log TO {role};
        -- The peers page lists peers without their tokens and the token changes without the
        -- proposed token; proposing and deciding go through the silo (IPeerTokenChangeGrain),
        -- which alone holds the token key.
        GRANT SELECT (node_code, kind, name, endpoint_host, endpoint_port, allowed_networks, acting_units, enabled, version,
            previous_token_expires_at) ON nontax.peers TO {role};
        REVOKE SELECT ON nontax.peer_token_proposals FROM {role};
        GRANT SELECT (id, node_code, token_length, grace_seconds, base_version, proposed_by, proposed_at, status, decided_by,
            decided_at, decision_note) ON nontax.peer_token_proposals TO {role};
        -- Machine tokens: staff mint and revoke them on /admin/machine-tokens; the web app
        -- authenticates bearer calls by the stored hash. No row is ever deleted or re-keyed.
        GRANT INSERT ON nontax.machine_tokens TO {role};
        GRANT UPDATE (revoked_by, revoked_at, last_used_at) ON nontax.machine_tokens TO {role};
        GRANT USAGE ON SEQUENCE nontax.machine_tokens_id_seq TO {role};
        DO $grant$
        DECLARE
            sequence regclass;
        BEGIN
            FOR sequence IN
                SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind = 'S' AND n.nspname = 'nontax' AND c.relname LIKE 'web\_%'
            LOOP
                EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I', sequence, '{roleName.Replace("'", "''", StringComparison.Ordinal)}');
            END LOOP;
        END
        $grant$;
        """;
    }

    private static string Quote(string roleName) => "\"" + roleName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Reset(string role) => $"""
        REVOKE ALL ON ALL TABLES IN SCHEMA public, nontax FROM {role};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public, nontax FROM {role};
        REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public, nontax FROM {role};
        """;
}
