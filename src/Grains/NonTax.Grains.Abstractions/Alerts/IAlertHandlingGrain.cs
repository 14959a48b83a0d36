namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>
/// Staff acknowledging and closing alerts from outside a silo (the web app): records the
/// <c>alert.acknowledged</c> / <c>alert.closed</c> fact through the silo's fact journal, exactly as
/// the operator API does, so row, NOTIFY and fact commit together and the first acknowledgement
/// and the first close are the ones kept. Stateless; callers check that the alert exists.
/// </summary>
[Alias("web.IAlertHandlingGrain")]
public interface IAlertHandlingGrain : IGrainWithStringKey
{
    /// <summary>The one key callers use (the grain is a stateless worker).</summary>
    const string Key = "desk";

    [Alias("Acknowledge")]
    Task Acknowledge(string alertId, string acknowledgedBy);

    /// <summary>Closes with a note (1–500 characters) saying how it was dealt with; false when the note is not one.</summary>
    [Alias("Close")]
    Task<bool> Close(string alertId, string closedBy, string note);
}
