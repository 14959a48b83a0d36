using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NonTax.Persistence.Migrations;

/// <summary>
/// Applies the versioned SQL scripts of deploy/sql (embedded in this assembly) with DbUp, then
/// grants each process's role what it needs at run time (<see cref="ProcessRoleGrants"/>): data
/// access, no DDL. Each script runs
/// once (journal table <c>nontax.schema_versions</c>) and the scripts are idempotent themselves,
/// so running the migrator again, or against a database where a script was applied by hand, is
/// harmless.
/// </summary>
public sealed class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    public const string DefaultAppRole = DatabaseRoles.DefaultSilo;
    private const string ResourcePrefix = "NonTax.Migrations.";

    /// <summary>Names of the embedded scripts in the order they are applied.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } =
        typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public Task MigrateAsync(string ownerConnectionString, string appRole = DefaultAppRole, CancellationToken cancellationToken = default) =>
        MigrateAsync(ownerConnectionString, new DatabaseRoles(appRole), cancellationToken);

    public async Task MigrateAsync(string ownerConnectionString, DatabaseRoles roles, CancellationToken cancellationToken = default)
    {
        await using (var connection = new NpgsqlConnection(ownerConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // The journal lives in the project's schema, which must exist before DbUp writes to it.
            await using var command = new NpgsqlCommand("CREATE SCHEMA IF NOT EXISTS nontax", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var upgrader = DeployChanges.To
            .PostgresqlDatabase(ownerConnectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .JournalToPostgresqlTable("nontax", "schema_versions")
            .WithTransactionPerScript()
            // The scripts use PostgreSQL dollar quoting ($fn$), which DbUp would take for variables.
            .WithVariablesDisabled()
            .LogTo(new DbUpLogger(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed in script '{result.ErrorScript?.Name}'.", result.Error);
        }

        await GrantAsync(ownerConnectionString, roles.Silo, ProcessRoleGrants.Silo, cancellationToken);
        await GrantAsync(ownerConnectionString, roles.Edge, ProcessRoleGrants.Edge, cancellationToken);
        await GrantAsync(ownerConnectionString, roles.Frontend, ProcessRoleGrants.Frontend, cancellationToken);
        logger.LogInformation("Database schema is up to date ({ScriptCount} scripts known)", ScriptNames.Count);
    }

    private async Task GrantAsync(string ownerConnectionString, string role, Func<string, string> grants, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = role });
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                logger.LogWarning("Database role {Role} does not exist; no grants applied", role);
                return;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var grant = new NpgsqlCommand(grants(role), connection, transaction))
        {
            await grant.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class DbUpLogger(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(Format(format, args));
        public void LogDebug(string format, params object[] args) => logger.LogDebug(Format(format, args));
        public void LogInformation(string format, params object[] args) => logger.LogInformation(Format(format, args));
        public void LogWarning(string format, params object[] args) => logger.LogWarning(Format(format, args));
        public void LogError(string format, params object[] args) => logger.LogError(Format(format, args));
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, Format(format, args));

        // DbUp passes .NET composite format strings; render them before they reach the structured logger.
        private static string Format(string format, object[] args) =>
            args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }
}
