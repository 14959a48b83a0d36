namespace NonTax.Grains.MoneyFlow;

/// <summary>Configuration section <c>Remittance</c>.</summary>
public sealed class RemittanceOptions
{
    /// <summary>How often the scheduler looks for cleared days and a waiting day tries again (Orleans reminders: at least a minute).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back the scheduler looks for cleared days not yet remitted.</summary>
    public int LookbackDays { get; set; } = 30;

    /// <summary>A 5618 without its 2618 this long after the day was instructed raises an alert.</summary>
    public TimeSpan ResultDueAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Payments read (and instructions handed over) per page, so a busy day never sits in memory whole.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// The treasury (国库) or fiscal account each budget level's revenue is remitted to, by budget
    /// level (1 central … 5 township): <c>Remittance:Treasuries:4:Code</c>, <c>…:Name</c>.
    /// </summary>
    public Dictionary<int, TreasuryAccount> Treasuries { get; set; } = [];
}

/// <summary>Where a budget level's revenue is remitted: TreCode and TreName of the 5618.</summary>
public sealed class TreasuryAccount
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
}
