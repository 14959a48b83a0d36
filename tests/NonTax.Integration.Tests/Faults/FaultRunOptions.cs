namespace NonTax.Integration.Tests.Faults;

/// <summary>How a fault run is shaped: the schedule, the cluster's size, the load and the PostgreSQL instance it owns.</summary>
public sealed record FaultRunOptions
{
    public required int Seed { get; init; }

    public required IReadOnlyList<ScheduledFault> Faults { get; init; }

    public int Silos { get; init; } = 2;

    public int Edges { get; init; } = 2;

    /// <summary>Closed-loop bank clients per edge node.</summary>
    public int ClientsPerEdge { get; init; } = 3;

    /// <summary>Load before the first fault (its row is "none").</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a paused silo stays stopped: past the membership timeout (3 missed 2 s probes and the vote).</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long after the load the checker waits for stored rows and deliveries.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(120);

    public required string PostgresInstance { get; init; }

    public required int PostgresPort { get; init; }
}
