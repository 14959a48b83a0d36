namespace NonTax.Grains.Abstractions.EBills;

/// <summary>Sends the payers' e-bill SMS from the outbox on a reminder; one per cluster.</summary>
public interface IEBillNotifierGrain : IGrainWithStringKey
{
    const string ClusterKey = "cluster";

    /// <summary>Registers the reminder (idempotent).</summary>
    Task Start();

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    Task<int> Notify();
}
