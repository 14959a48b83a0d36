using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NonTax.Persistence.Migrations;

/// <summary>
/// Applies the versioned SQL scripts of deploy/sql (embedded in this assembly) with DbUp, then
/// grants the application role what it needs at run time: data access, no DDL. Each script runs
/// once (journal table <c>nontax.schema_versions</c>) and the scripts are idempotent themselves,
/// so running the migrator again, or against a database where a script was applied by hand, is
/// harmless.
/// </summary>
public sealed class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    public const string DefaultAppRole = "nontax_app";
    private const string ResourcePrefix = "NonTax.Migrations.";

    /// <summary>Names of the embedded scripts in the order they are applied.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } =
        typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public async Task MigrateAsync(string ownerConnectionString, string appRole = DefaultAppRole, CancellationToken cancellationToken = default)
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

        await GrantAppRoleAsync(ownerConnectionString, appRole, cancellationToken);
        logger.LogInformation("Database schema is up to date ({ScriptCount} scripts known)", ScriptNames.Count);
    }

    private async Task GrantAppRoleAsync(string ownerConnectionString, string appRole, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = appRole });
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                logger.LogWarning("Application role {AppRole} does not exist; no grants applied", appRole);
                return;
            }
        }

        var role = new NpgsqlCommandBuilder().QuoteIdentifier(appRole);
        // The catalogue of Orleans queries and the migration journal are read-only at run time.
        var sql = $"""
            GRANT USAGE ON SCHEMA public, nontax TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, nontax TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public, nontax TO {role};
            GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public, nontax TO {role};
            REVOKE INSERT, UPDATE, DELETE ON public.orleansquery, nontax.schema_versions FROM {role};
            -- The web operation log is append-only (deploy/sql/0800_web_accounts.sql).
            REVOKE UPDATE, DELETE, TRUNCATE ON nontax.web_audit_log FROM {role};
            """;
        await using var grant = new NpgsqlCommand(sql, connection);
        await grant.ExecuteNonQueryAsync(cancellationToken);
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
