namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// Finds notices whose hand-over after the reply a crash interrupted (their pending_handovers row
/// outlived the grace period) and has each deliver what it still holds. Reminder-driven, one per
/// cluster (<see cref="ClusterKey"/>); a tick can repeat, and every hand-over is idempotent.
/// </summary>
public interface IHandOverSweeperGrain : IGrainWithStringKey
{
    /// <summary>The one key the cluster uses.</summary>
    const string ClusterKey = "cluster";

    /// <summary>Makes sure the sweep reminder exists (called by every silo at start; idempotent).</summary>
    Task Start();

    /// <summary>Sweeps now: prompts every due notice, page by page; returns how many were prompted.</summary>
    Task<int> Sweep();
}
