using System.Text.Json.Serialization;

namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>How urgent an alert is; the duty roster decides from it who is woken.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    /// <summary>Worth a look today (bill stock running low).</summary>
    Notice,

    /// <summary>Needs a person during the working day (a reconciliation difference).</summary>
    Warning,

    /// <summary>Needs a person now (money not cleared or remitted, a message that will not go out).</summary>
    Critical,
}
