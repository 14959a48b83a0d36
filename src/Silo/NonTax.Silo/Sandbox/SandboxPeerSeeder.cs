using NonTax.Grains.Abstractions;
using NonTax.Infrastructure.Peers;

namespace NonTax.Silo.Sandbox;

/// <summary>
/// Registers the sandbox's peers from <c>Sandbox:PeersFile</c> where they are absent, so a restart
/// never undoes a token rotation. A bad row is logged as an error and skipped; the others are seeded.
/// </summary>
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

        var report = await SandboxPeerFile.SeedAbsentAsync(peers, path, cancellationToken);
        foreach (var rejected in report.Rejected)
        {
            logger.LogError("Sandbox peers file {Path}: skipped {Rejection}", path, rejected);
        }

        logger.LogInformation("Sandbox peers from {Path}: added {Added}", path, report.Added.Count == 0 ? "none (all present)" : string.Join(", ", report.Added));
    }
}
