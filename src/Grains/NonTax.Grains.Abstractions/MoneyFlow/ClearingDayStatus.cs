namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>Where a (clearing bank, day) stands.</summary>
public enum ClearingDayStatus
{
    /// <summary>Not reconciled yet, or an item has no rule: the reminder tries again.</summary>
    Waiting = 0,

    /// <summary>5614 handed to the bank's link; waiting for 2614.</summary>
    Instructed = 1,

    /// <summary>2614 said every row moved.</summary>
    Cleared = 2,

    /// <summary>2614 refused (alerted).</summary>
    Failed = 3,

    /// <summary>The day had no revenue to clear.</summary>
    Nothing = 4,
}

/// <summary>A clearing day as staff and tests see it.</summary>
[GenerateSerializer, Immutable]
[Alias("clearing.ClearingDayView")]
public sealed record ClearingDayView(
    [property: Id(0)] ClearingDayStatus Status,
    [property: Id(1)] string ClearNo,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] int Lines,
    [property: Id(4)] string? WaitingFor,
    [property: Id(5)] string? Result);
