using NonTax.Infrastructure.Database;
using NonTax.Persistence.Migrations;

namespace NonTax.Silo.Commands;

/// <summary>
/// <c>dotnet NonTax.Silo.dll migrate</c>: applies the database migrations with the owner
/// connection string (<c>ConnectionStrings:NonTaxOwner</c>) and exits. For operators who run
/// migrations as a separate deployment step with <c>Database:MigrateOnStart=false</c>.
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateAsync(
            NonTaxConnectionStrings.Owner(configuration),
            new DatabaseRoles(
                configuration["Database:AppRole"] ?? DatabaseRoles.DefaultSilo,
                configuration["Database:EdgeRole"] ?? DatabaseRoles.DefaultEdge,
                configuration["Database:FrontendRole"] ?? DatabaseRoles.DefaultFrontend),
            cancellationToken);
        return 0;
    }
}
