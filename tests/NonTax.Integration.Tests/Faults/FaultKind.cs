namespace NonTax.Integration.Tests.Faults;

/// <summary>The faults the harness injects (docs/reliability.md "Fault table").</summary>
public enum FaultKind
{
    /// <summary><c>kill -9</c> of a silo; it is started again once the cluster has declared it dead.</summary>
    KillSilo,

    /// <summary><c>kill -9</c> of an edge node; banks on it see broken connections until it is back.</summary>
    KillEdge,

    /// <summary>PostgreSQL stopped (fast: every connection cut) and started again.</summary>
    RestartPostgres,

    /// <summary>SIGTERM to a silo: it leaves the cluster and hands its grains on; started again after.</summary>
    StopSilo,

    /// <summary>A silo joins under load (and leaves gracefully at the end of its window).</summary>
    AddSilo,

    /// <summary>SIGSTOP past the membership timeout, then SIGCONT: the cluster declares it dead and it must not come back as a zombie.</summary>
    PauseSilo,
}
