namespace NonTax.Grains.MoneyFlow;

/// <summary>Configuration section <c>Clearing</c>.</summary>
public sealed class ClearingOptions
{
    /// <summary>How often the scheduler looks for reconciled days and a waiting day tries again (Orleans reminders: at least a minute).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back the scheduler looks for reconciled, uncleared days.</summary>
    public int LookbackDays { get; set; } = 30;

    /// <summary>A 2614 not received this long after the 5614 was handed over raises an alert.</summary>
    public TimeSpan ResultDueAfter { get; set; } = TimeSpan.FromHours(24);
}
