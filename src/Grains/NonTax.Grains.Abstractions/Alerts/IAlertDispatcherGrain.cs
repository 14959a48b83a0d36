namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>
/// Sends every alert in <c>nontax.alerts</c> by SMS to whoever the duty roster names for it,
/// through a durable outbox (<c>nontax.alert_sms</c>, one row per alert and recipient). Reminder
/// driven, one per cluster (<see cref="ClusterKey"/>); a tick can repeat and sends nothing twice.
/// </summary>
public interface IAlertDispatcherGrain : IGrainWithStringKey
{
    /// <summary>The one key the cluster uses.</summary>
    const string ClusterKey = "cluster";

    /// <summary>Makes sure the dispatch reminder exists (called by every silo at start; idempotent).</summary>
    Task Start();

    /// <summary>Dispatches now: plans the SMS of new alerts, then sends what is due.</summary>
    Task<AlertDispatchReport> Dispatch();
}
