using Orleans.Configuration;

namespace NonTax.Silo.Hosting;

/// <summary>
/// How fast the cluster notices a lost silo (docs/operations.md "Cluster timeouts"): the project's
/// values, then whatever <c>Orleans:Membership</c> (<see cref="ClusterMembershipOptions"/>) and
/// <c>Orleans:Messaging</c> (<see cref="SiloMessagingOptions"/>) configure. A killed silo misses
/// three 2-second probes and is voted dead within about 7 s, so the edge's retries of an
/// idempotent call (8 s budget) find the grain on a survivor; a silo must stall over 6 s (a pause,
/// SIGSTOP) before it is suspected, well above a garbage collection's pause.
/// </summary>
public static class SiloTimeouts
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    public const int NumMissedProbesLimit = 3;
    public static readonly TimeSpan TableRefreshTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DeathVoteExpirationTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    public static ISiloBuilder ConfigureNonTaxTimeouts(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ProbeTimeout;
            o.NumMissedProbesLimit = NumMissedProbesLimit;
            o.TableRefreshTimeout = TableRefreshTimeout;
            o.IAmAliveTablePublishTimeout = IAmAliveTablePublishTimeout;
            o.DeathVoteExpirationTimeout = DeathVoteExpirationTimeout;
        });
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        silo.Configure<SiloMessagingOptions>(configuration.GetSection("Orleans:Messaging"));
        return silo;
    }
}
