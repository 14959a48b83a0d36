using NonTax.Grains.Abstractions.Units;

namespace NonTax.Grains.Units;

/// <summary>
/// When a unit is blocked (18020): its oldest counted unpaid notice or un-remitted payment, or its
/// oldest voided paper bill not returned, is older than its limit. Pure, so the rule is tested without a cluster; the grain supplies the backlog.
/// </summary>
internal static class MonitoringRules
{
    /// <summary>The first limit the backlog exceeds, as the reason staff see; null when none is.</summary>
    public static string? BlockReason(MonitoringLimits limits, UnitBacklog backlog, DateOnly today)
    {
        if (limits.MaxDaysIssuedUnpaid is { } maxUnpaid && backlog.OldestCountedOpen is { } open
            && today.DayNumber - open.Date.DayNumber is var unpaidAge && unpaidAge > maxUnpaid)
        {
            return $"notice {open.PayCode} issued {open.Date:yyyy-MM-dd} unpaid for {unpaidAge} days (limit {maxUnpaid})";
        }

        if (limits.MaxDaysUnremitted is { } maxUnremitted && backlog.OldestCountedUnremitted is { } paid
            && today.DayNumber - paid.Date.DayNumber is var unremittedAge && unremittedAge > maxUnremitted)
        {
            return $"notice {paid.PayCode} paid {paid.Date:yyyy-MM-dd} un-remitted for {unremittedAge} days (limit {maxUnremitted})";
        }

        if (limits.MaxDaysVoidUnreturned is { } maxVoid && backlog.OldestUnreturnedVoid is { } voided
            && today.DayNumber - voided.VoidedOn.DayNumber is var voidAge && voidAge > maxVoid)
        {
            return $"voided paper bill {voided.Bill} voided {voided.VoidedOn:yyyy-MM-dd} not returned for {voidAge} days (limit {maxVoid})";
        }

        return null;
    }
}
