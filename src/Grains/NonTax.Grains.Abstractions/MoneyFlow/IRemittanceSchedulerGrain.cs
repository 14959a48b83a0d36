namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>One reminder for the cluster that starts the remittance of every cleared bank day not yet remitted.</summary>
[Alias("remittance.IRemittanceSchedulerGrain")]
public interface IRemittanceSchedulerGrain : IGrainWithStringKey
{
    const string ClusterKey = "cluster";

    [Alias("Start")]
    Task Start();

    /// <summary>One pass now; answers how many days it prompted.</summary>
    [Alias("Tick")]
    Task<int> Tick();
}
