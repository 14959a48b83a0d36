using NonTax.Grains.Abstractions.Alerts;

namespace NonTax.Grains.Alerts;

/// <summary>
/// One person on the duty roster (configuration <c>Alerts:Roster:n</c>): who, which role, which
/// hours (China time, <c>From</c> inclusive, <c>To</c> exclusive; a span may cross midnight, equal
/// means all day) and from which severity they are woken.
/// </summary>
public sealed class DutyEntry
{
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Role { get; set; } = "";
    public TimeOnly From { get; set; } = TimeOnly.MinValue;
    public TimeOnly To { get; set; } = TimeOnly.MinValue;
    public AlertSeverity MinSeverity { get; set; } = AlertSeverity.Warning;

    public bool IsOnDutyAt(TimeOnly time) =>
        From == To || (From < To ? time >= From && time < To : time >= From || time < To);
}
