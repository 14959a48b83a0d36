using Microsoft.Extensions.Logging.Abstractions;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Persistence.Migrations;
using Npgsql;

namespace NonTax.Integration.Tests.Security;

/// <summary>
/// Least privilege per process on a migrated database: no process role can change the schema;
/// the edge reaches only its peers, journal and reconciliation files; the frontend never reads a
/// peer's token ciphertext, a raw frame or grain state. Every statement runs in a transaction that
/// is rolled back, so what a role may do leaves nothing behind.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseRoleTests(PostgresFixture database)
{
    private static readonly string[] SchemaChanges =
    [
        "ALTER TABLE nontax.peers ADD COLUMN stolen text",
        "DROP TABLE nontax.message_archive",
        "TRUNCATE nontax.inbound_replies",
        "CREATE TABLE nontax.planted (x int)",
        "CREATE TABLE public.planted (x int)",
        "ALTER SEQUENCE nontax.message_id_node_seq RESTART",
        "DROP SCHEMA nontax CASCADE",
        "CREATE FUNCTION public.planted() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "ALTER TABLE public.orleansmembershiptable DISABLE TRIGGER ALL",
    ];

    public static TheoryData<string> ProcessRoles => new() { "silo", "edge", "frontend" };

    [Theory]
    [MemberData(nameof(ProcessRoles))]
    public async Task No_process_role_can_alter_drop_or_create_schema_objects(string process)
    {
        foreach (var sql in SchemaChanges)
        {
            await AssertRefusedAsync(ConnectionOf(process), sql);
        }
    }

    [Fact]
    public async Task The_edge_reads_and_writes_only_what_a_frame_needs()
    {
        var edge = database.EdgeConnectionString;
        foreach (var sql in new[]
        {
            "SELECT payload FROM nontax.grain_state LIMIT 1",
            "SELECT * FROM nontax.business_facts LIMIT 1",
            "SELECT * FROM nontax.unique_claims LIMIT 1",
            "SELECT * FROM nontax.notices LIMIT 1",
            "SELECT \"PasswordHash\" FROM nontax.web_users LIMIT 1",
            "SELECT * FROM public.orleansstorage LIMIT 1",
            "SELECT * FROM public.orleansreminderstable LIMIT 1",
            "SELECT * FROM nontax.message_archive LIMIT 1",
            "UPDATE nontax.message_archive SET note = 'x'",
            "DELETE FROM nontax.message_archive",
            "DELETE FROM nontax.peers",
            "INSERT INTO nontax.notices (pay_code) VALUES ('x')",
            "UPDATE nontax.alerts SET what = 'x'",
        })
        {
            await AssertRefusedAsync(edge, sql);
        }

        // What it does need: the peers' tokens to verify and sign, the journal, the stored replies.
        await AssertAllowedAsync(edge, "SELECT token_cipher, previous_token_cipher FROM nontax.peers LIMIT 1");
        await AssertAllowedAsync(edge, "INSERT INTO nontax.message_archive (direction, raw_frame) VALUES ('I', '\\x00')");
        await AssertAllowedAsync(edge, "SELECT nextval('nontax.message_id_node_seq')");
        await AssertAllowedAsync(edge, "DELETE FROM nontax.inbound_replies WHERE created_at < now() - interval '30 days'");
        // The 2698 lookup reads the columns it filters by; the payer's name stays out of reach.
        await AssertAllowedAsync(edge, "SELECT pay_code FROM nontax.notices WHERE payer_mobile = '13800000000' AND status = 'unpaid' AND last_payable_date >= current_date ORDER BY issue_date, pay_code");
        await AssertRefusedAsync(edge, "SELECT payer_name FROM nontax.notices LIMIT 1");
    }

    [Fact]
    public async Task The_frontend_never_reads_frames_replies_or_grain_state()
    {
        var frontend = database.FrontendConnectionString;
        foreach (var sql in new[]
        {
            // Tokens stay in the silo: no ciphertext, current, previous or proposed, and no write
            // to the peers, their history or the proposals (the silo applies token changes).
            "SELECT token_cipher FROM nontax.peers LIMIT 1",
            "SELECT previous_token_cipher FROM nontax.peers LIMIT 1",
            "SELECT * FROM nontax.peers LIMIT 1",
            "SELECT token_cipher FROM nontax.peer_token_proposals LIMIT 1",
            "UPDATE nontax.peers SET enabled = false",
            "INSERT INTO nontax.peer_token_proposals (node_code, token_cipher, token_length, grace_seconds, base_version, proposed_by) VALUES ('x', '\\x01', 8, 0, 1, 'x')",
            "UPDATE nontax.peer_token_proposals SET status = 'approved'",
            "INSERT INTO nontax.peer_changes (node_code, change, detail, changed_by) VALUES ('x', 'added', '{}', 'x')",
            "SELECT * FROM nontax.peer_changes LIMIT 1",
            "DELETE FROM nontax.peers",
            "SELECT raw_frame FROM nontax.message_archive LIMIT 1",
            "SELECT reply_body FROM nontax.inbound_replies LIMIT 1",
            "SELECT payload FROM nontax.grain_state LIMIT 1",
            "SELECT * FROM nontax.unique_claims LIMIT 1",
            "SELECT * FROM public.orleansstorage LIMIT 1",
            "INSERT INTO nontax.notices (pay_code) VALUES ('x')",
            "UPDATE nontax.payment_confirmations SET amount = 0",
            "SELECT nextval('nontax.message_id_node_seq')",
        })
        {
            await AssertRefusedAsync(frontend, sql);
        }

        await AssertAllowedAsync(frontend, "SELECT count(*) FROM nontax.notices");
        await AssertAllowedAsync(frontend, "SELECT node_code, kind, name, version, previous_token_expires_at FROM nontax.peers");
        await AssertAllowedAsync(frontend, "SELECT id, node_code, status, proposed_by FROM nontax.peer_token_proposals");
        await AssertAllowedAsync(frontend, "SELECT count(*) FROM nontax.payment_confirmations");
        await AssertAllowedAsync(frontend, "SELECT count(*) FROM nontax.web_users");
    }

    [Fact]
    public async Task Machine_tokens_are_minted_and_revoked_by_the_frontend_and_only_read_by_the_silo()
    {
        const string insert = "INSERT INTO nontax.machine_tokens (name, purpose, token_hash, prefix, permissions, created_by, expires_at) " +
            "VALUES ('role-test', 'x', sha256('x'::bytea), 'ntm_abcdef', ARRAY['ops.read'], 'x', now() + interval '1 day')";
        var silo = database.AppConnectionString;
        var frontend = database.FrontendConnectionString;
        // The silo authenticates /ops with them and notes their use; it cannot plant, widen or revive one.
        await AssertAllowedAsync(silo, "SELECT name, token_hash, permissions, expires_at, revoked_at FROM nontax.machine_tokens");
        await AssertAllowedAsync(silo, "UPDATE nontax.machine_tokens SET last_used_at = now()");
        foreach (var sql in new[]
        {
            insert,
            "UPDATE nontax.machine_tokens SET permissions = ARRAY['ops.write']",
            "UPDATE nontax.machine_tokens SET revoked_at = NULL, revoked_by = NULL",
            "UPDATE nontax.machine_tokens SET expires_at = now() + interval '10 years'",
            "DELETE FROM nontax.machine_tokens",
        })
        {
            await AssertRefusedAsync(silo, sql);
        }

        // The web app mints and revokes; it never deletes or re-keys a token.
        await AssertAllowedAsync(frontend, insert);
        await AssertAllowedAsync(frontend, "UPDATE nontax.machine_tokens SET revoked_at = now(), revoked_by = 'x'");
        await AssertAllowedAsync(frontend, "SELECT token_hash FROM nontax.machine_tokens");
        foreach (var sql in new[]
        {
            "UPDATE nontax.machine_tokens SET token_hash = sha256('y'::bytea)",
            "UPDATE nontax.machine_tokens SET permissions = ARRAY['ops.write']",
            "UPDATE nontax.machine_tokens SET expires_at = now() + interval '10 years'",
            "DELETE FROM nontax.machine_tokens",
        })
        {
            await AssertRefusedAsync(frontend, sql);
        }

        // The edge has no business with them.
        await AssertRefusedAsync(database.EdgeConnectionString, "SELECT name FROM nontax.machine_tokens");
        await AssertRefusedAsync(database.EdgeConnectionString, insert);
    }

    [Fact]
    public async Task The_migration_moves_the_edge_tables_and_their_rows_into_the_project_schema()
    {
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('peers', 'peer_changes', 'message_archive', 'inbound_replies', 'green_channel_messages', 'base_data_pushes', 'base_data_push_errors')"));

        // A database of the previous version: every script before 0900, rows in the public tables.
        var admin = Environment.GetEnvironmentVariable(PostgresFixture.AdminVariable)!;
        var name = $"nontax_move_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var owner = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            await ExecuteAsync(owner, "CREATE SCHEMA nontax");
            var assembly = typeof(DatabaseMigrator).Assembly;
            foreach (var script in DatabaseMigrator.ScriptNames.Where(n => string.CompareOrdinal(n, "NonTax.Migrations.0900") < 0))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(script)!);
                await ExecuteAsync(owner, await reader.ReadToEndAsync());
            }

            await ExecuteAsync(owner, """
                INSERT INTO public.peers (node_code, kind, name, token_cipher, updated_by) VALUES ('D3206820105', 'agent_bank', '建设银行', '\x0102', 'test');
                INSERT INTO public.message_archive (direction, peer, raw_frame) VALUES ('I', 'D3206820105', '\x0a0b');
                SELECT nextval('public.message_id_node_seq'); SELECT nextval('public.message_id_node_seq');
                """);

            await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(owner, new DatabaseRoles(
                new NpgsqlConnectionStringBuilder(database.AppConnectionString).Username!,
                new NpgsqlConnectionStringBuilder(database.EdgeConnectionString).Username!,
                new NpgsqlConnectionStringBuilder(database.FrontendConnectionString).Username!));

            Assert.Equal("建设银行", await ScalarAsync(owner, "SELECT name FROM nontax.peers WHERE node_code = 'D3206820105'"));
            Assert.Equal("D3206820105", await ScalarAsync(owner, "SELECT peer FROM nontax.message_archive"));
            // The sequence moved with its position: no node number is handed out twice.
            Assert.Equal(2, Convert.ToInt32(await ScalarAsync(owner, "SELECT nextval('nontax.message_id_node_seq')"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Null(await ScalarAsync(owner, "SELECT to_regclass('public.peers')::text"));
            // The edge works on the moved table with its own role.
            var edge = new NpgsqlConnectionStringBuilder(database.EdgeConnectionString) { Database = name }.ConnectionString;
            Assert.Equal(new byte[] { 1, 2 }, await ScalarAsync(edge, "SELECT token_cipher FROM nontax.peers WHERE node_code = 'D3206820105'"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private string ConnectionOf(string process) => process switch
    {
        "silo" => database.AppConnectionString,
        "edge" => database.EdgeConnectionString,
        "frontend" => database.FrontendConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(process)),
    };

    private static async Task AssertRefusedAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
    }

    private static async Task AssertAllowedAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.RollbackAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }
}
