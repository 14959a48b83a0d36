using NonTax.Grains.Abstractions;
using NonTax.Infrastructure.Peers;

namespace NonTax.Silo.Sandbox;

/// <summary>Registers the sandbox's peers from <c>Sandbox:PeersFile</c> where they are absent, so a restart never undoes a token rotation.</summary>
public sealed class SandboxPeerSeeder(PeerRegistry peers, IConfiguration configuration, ILogger<SandboxPeerSeeder> logger) : ISandboxSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var path = configuration["Sandbox:PeersFile"];
        if (string.IsNullOrEmpty(path))
        {
            logger.LogWarning("Sandbox:PeersFile is not set; no peers seeded");
            return;
        }

        var added = await SandboxPeerFile.SeedAbsentAsync(peers, path, cancellationToken);
        logger.LogInformation("Sandbox peers from {Path}: added {Added}", path, added.Count == 0 ? "none (all present)" : string.Join(", ", added));
    }
}
