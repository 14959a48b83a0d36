namespace NonTax.Grains.Alerts;

/// <summary>Alert SMS dispatch and the duty roster (configuration section <c>Alerts</c>; docs/operations.md "Alerts and SMS").</summary>
public sealed class AlertDispatchOptions
{
    /// <summary>The dispatcher's reminder period (Orleans' minimum is one minute).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Alerts planned and messages sent per round at most; the rest wait for the next tick.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Attempts per message before it is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubled after each further one, up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The SMS text; placeholders {severity} (中文), {kind}, {subject}, {what}, {why}, {time}
    /// (China time of the alert). The gateway adds its own signature.
    /// </summary>
    public string Template { get; set; } = "【非税收入告警】{severity} {what}（{subject}，{time}）";

    /// <summary>Which role an alert kind wakes, by the kind's longest matching dotted prefix (e.g. "reconciliation" → "reconciliation").</summary>
    public Dictionary<string, string> Routes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The role of kinds no route names, and the role woken (at any hour) when nobody of the routed role is on duty.</summary>
    public string DefaultRole { get; set; } = "duty";

    public List<DutyEntry> Roster { get; set; } = [];
}
