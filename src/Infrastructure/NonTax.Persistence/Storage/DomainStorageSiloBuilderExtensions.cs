using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NonTax.Grains.Abstractions;
using Npgsql;
using Orleans.Storage;

namespace NonTax.Persistence.Storage;

public static class DomainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Registers the batched PostgreSQL grain storage under <see cref="StorageNames.Domain"/>, the
    /// silo-wide <see cref="CommitBatcher"/> it writes through and <see cref="StateReadBatcher"/> it reads through, and (if not registered yet) an
    /// <see cref="NpgsqlDataSource"/> for <paramref name="connectionString"/>.
    /// </summary>
    public static ISiloBuilder AddNonTaxDomainStorage(this ISiloBuilder builder, string connectionString, IConfiguration? configuration = null)
    {
        var services = builder.Services;
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        var options = services.AddOptions<CommitBatcherOptions>();
        var readOptions = services.AddOptions<StateReadBatcherOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(CommitBatcherOptions.SectionName));
            readOptions.Bind(configuration.GetSection(StateReadBatcherOptions.SectionName));
        }

        services.TryAddSingleton<CommitBatcher>();
        services.TryAddSingleton<StateReadBatcher>();
        builder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Domain,
            (sp, _) => ActivatorUtilities.CreateInstance<BatchedGrainStorage>(sp));
        return builder;
    }
}
