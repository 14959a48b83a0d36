namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>Where a (bank, day)'s remittance stands.</summary>
public enum RemittanceDayStatus
{
    /// <summary>Not cleared yet, or a budget level has no treasury configured: the reminder tries again.</summary>
    Waiting = 0,

    /// <summary>Central remittances recorded; direct ones being computed page by page.</summary>
    Instructing = 1,

    /// <summary>Every 5618 computed and handed over; waiting for 2618s.</summary>
    Instructed = 2,

    /// <summary>Every 2618 said remitted.</summary>
    Remitted = 3,

    /// <summary>Every 2618 came, at least one refused (alerted).</summary>
    Failed = 4,

    /// <summary>The day had nothing to remit.</summary>
    Nothing = 5,
}

/// <summary>A remittance day as staff and tests see it.</summary>
[GenerateSerializer, Immutable]
[Alias("remittance.RemittanceDayView")]
public sealed record RemittanceDayView(
    [property: Id(0)] RemittanceDayStatus Status,
    [property: Id(1)] int Instructions,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] int Remitted,
    [property: Id(4)] int Failed,
    [property: Id(5)] string? WaitingFor);
