using NonTax.Grains.Abstractions;

namespace NonTax.Silo.Sandbox;

/// <summary>
/// Seeds the sandbox bureau once the silo has joined the cluster, when <c>Sandbox:Seed=true</c>
/// and an <see cref="ISandboxSeeder"/> is registered (the grains project provides it). Registered
/// after Orleans, so it starts only after the silo is up. A failed seed is logged, not fatal:
/// the seeder is idempotent and the next start tries again.
/// </summary>
public sealed class SandboxSeedingService(
    IConfiguration configuration,
    IEnumerable<ISandboxSeeder> seeders,
    ILogger<SandboxSeedingService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Sandbox:Seed", false))
        {
            return;
        }

        var any = false;
        foreach (var seeder in seeders)
        {
            any = true;
            try
            {
                await seeder.SeedAsync(cancellationToken);
                logger.LogInformation("Sandbox seeded by {Seeder}", seeder.GetType().Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sandbox seeding by {Seeder} failed", seeder.GetType().Name);
            }
        }

        if (!any)
        {
            logger.LogWarning("Sandbox:Seed is true but no ISandboxSeeder is registered");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
