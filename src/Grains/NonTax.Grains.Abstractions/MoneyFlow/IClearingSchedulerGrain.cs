namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>One reminder for the cluster that starts the clearing of every reconciled, uncleared bank day.</summary>
[Alias("clearing.IClearingSchedulerGrain")]
public interface IClearingSchedulerGrain : IGrainWithStringKey
{
    const string ClusterKey = "cluster";

    [Alias("Start")]
    Task Start();

    /// <summary>One pass now; answers how many days it prompted.</summary>
    [Alias("Tick")]
    Task<int> Tick();
}
