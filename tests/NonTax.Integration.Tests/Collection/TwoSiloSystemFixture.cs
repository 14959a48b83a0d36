using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Integration.Tests.Collection;

/// <summary>Two production-wired silos in one cluster on a fresh PostgreSQL database, the sandbox bureau seeded.</summary>
public sealed class TwoSiloSystemFixture : IAsyncLifetime
{
    private readonly List<WebApplication> _silos = [];

    public PostgresFixture Database { get; } = new();

    public IReadOnlyList<IGrainFactory> Factories => _silos.Select(s => s.Services.GetRequiredService<IGrainFactory>()).ToList();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var clusterId = $"two-{Guid.NewGuid():N}"[..16];
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _silos.Add(await FullSilo.StartAsync(Database, clusterId, "silo-a", new Dictionary<string, string?>
        {
            ["Security:TokenKey"] = key,
            ["Sandbox:Seed"] = "true",
            ["Sandbox:BaseDataFile"] = FullSilo.SandboxBureauFile,
        }));
        _silos.Add(await FullSilo.StartAsync(Database, clusterId, "silo-b", new Dictionary<string, string?>
        {
            ["Security:TokenKey"] = key,
        }));
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            await silo.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
