namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>
/// The cluster's one reconciliation reminder (<see cref="ClusterKey"/>): prompts days whose stored
/// files were not compared (a silo died after the edge answered), and after the configured cut-off
/// checks every expected bank's day for a missing file. A tick can repeat; all it calls is idempotent.
/// </summary>
public interface IReconciliationSweeperGrain : IGrainWithStringKey
{
    const string ClusterKey = "cluster";

    /// <summary>Makes sure the reminder exists (every silo at start; idempotent).</summary>
    Task Start();

    /// <summary>One tick now; returns how many days it prompted or checked.</summary>
    Task<int> Sweep();
}
