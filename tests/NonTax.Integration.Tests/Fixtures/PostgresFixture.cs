using Microsoft.Extensions.Logging.Abstractions;
using NonTax.Persistence.Migrations;
using Npgsql;

namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// A fresh PostgreSQL database for one test run, with every migration applied, on the server
/// that <c>deploy/local/test.sh</c> starts. Environment: <c>NONTAX_TEST_PG_ADMIN</c> (owner role
/// with CREATEDB, any database on the server), <c>NONTAX_TEST_PG_APP</c> (the silo's role) and
/// <c>NONTAX_TEST_PG_EDGE</c> / <c>NONTAX_TEST_PG_FRONTEND</c> (the edge's and frontend's roles).
/// Share it through <see cref="PostgresCollection"/>; tests isolate themselves by cluster/service
/// id or by their own keys, not by database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string AdminVariable = "NONTAX_TEST_PG_ADMIN";
    public const string AppVariable = "NONTAX_TEST_PG_APP";
    public const string EdgeVariable = "NONTAX_TEST_PG_EDGE";
    public const string FrontendVariable = "NONTAX_TEST_PG_FRONTEND";

    private string? _adminConnectionString;

    public string DatabaseName { get; } = $"nontax_test_{Guid.NewGuid():N}"[..24];

    /// <summary>Schema owner on the test database (DDL, inspection, cleanup).</summary>
    public string OwnerConnectionString { get; private set; } = "";

    /// <summary>Least-privilege application role on the test database: what hosts use.</summary>
    public string AppConnectionString { get; private set; } = "";

    /// <summary>The socket edge's role on the test database: what edge hosts use.</summary>
    public string EdgeConnectionString { get; private set; } = "";

    /// <summary>The frontend's role on the test database: what web hosts use.</summary>
    public string FrontendConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _adminConnectionString = Require(AdminVariable);
        var app = Require(AppVariable);
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = DatabaseName }.ConnectionString;
        var appRole = new NpgsqlConnectionStringBuilder(app).Username ?? DatabaseMigrator.DefaultAppRole;
        AppConnectionString = new NpgsqlConnectionStringBuilder(app) { Database = DatabaseName }.ConnectionString;
        var edge = Require(EdgeVariable);
        var frontend = Require(FrontendVariable);
        EdgeConnectionString = new NpgsqlConnectionStringBuilder(edge) { Database = DatabaseName }.ConnectionString;
        FrontendConnectionString = new NpgsqlConnectionStringBuilder(frontend) { Database = DatabaseName }.ConnectionString;
        var roles = new DatabaseRoles(appRole, new NpgsqlConnectionStringBuilder(edge).Username!, new NpgsqlConnectionStringBuilder(frontend).Username!);

        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using (var owner = new NpgsqlConnection(OwnerConnectionString))
        {
            // Same shape as deploy/local/postgres.sh gives the main database.
            await owner.OpenAsync();
            await using var schema = new NpgsqlCommand("REVOKE CREATE ON SCHEMA public FROM PUBLIC", owner);
            await schema.ExecuteNonQueryAsync();
        }

        await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(OwnerConnectionString, roles);
    }

    public async Task DisposeAsync()
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        // A host still stopping (a journal loop, a silo's last write) can hold a connection of the app
        // role for a moment; the owner may not terminate another role's backend (42501), so wait
        // for it to close rather than fail the class. A database left behind lives in the test
        // instance only, which test.sh throws away.
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var admin = new NpgsqlConnection(_adminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                Console.Error.WriteLine($"Test database {DatabaseName} left behind: {e.MessageText}");
                return;
            }
        }
    }

    /// <summary>Runs a scalar query as the owner (for assertions on committed rows).</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Environment variable {variable} is not set. Run the tests with 'bash deploy/local/test.sh', " +
                "which starts PostgreSQL and sets it.");
}
