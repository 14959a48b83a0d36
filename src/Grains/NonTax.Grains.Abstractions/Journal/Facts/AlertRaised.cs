using NonTax.Grains.Abstractions.Alerts;

namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// alert.raised: something needs a person — a reconciliation file that did not come, a difference,
/// a clearing or remittance that failed, a refund stuck past its limit, bill stock running low.
/// Projected into <c>nontax.alerts</c>, where the duty roster's SMS and the monitoring wall pick it up.
/// </summary>
/// <param name="AlertKind">What kind of alert, dotted domain words (e.g. <c>reconciliation.missing-file</c>); stored in the alert's kind column.</param>
/// <param name="Subject">The business key the alert is about (bank node, unit code, payment code…).</param>
/// <param name="What">One line for a person: what happened.</param>
/// <param name="Why">Why it matters or what caused it, when known.</param>
/// <param name="Severity">How urgent.</param>
public sealed record AlertRaised(
    string AlertKind,
    string Subject,
    string What,
    string? Why,
    AlertSeverity Severity) : IFact
{
    public static string Kind => "alert.raised";

    /// <summary>
    /// The fact to record. The <paramref name="alertKey"/> de-duplicates: the same key raised again
    /// (a reminder ticking twice, a re-run) inserts nothing, so choose one that names the occurrence,
    /// e.g. <c>reconciliation.missing-file:D3206820105:2026-12-01</c>.
    /// </summary>
    public BusinessFact ToFact(string alertKey, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertKey);
        return BusinessFact.Create(alertKey, Subject, at, this);
    }
}
