namespace NonTax.Grains.Abstractions.Units;

/// <summary>The unit's monitoring picture: whether it may issue and why not.</summary>
/// <param name="OldestUnpaidIssueDate">Issue date of the oldest open (issued, unpaid, not void) notice.</param>
/// <param name="OldestUnremittedPaidDate">Payment date of the oldest paid but un-remitted notice.</param>
[GenerateSerializer, Immutable]
public sealed record MonitoringState(
    [property: Id(0)] bool IsBlocked,
    [property: Id(1)] string? BlockReason,
    [property: Id(2)] DateTimeOffset? BlockedAt,
    [property: Id(3)] int OpenNotices,
    [property: Id(4)] int UnremittedNotices,
    [property: Id(5)] DateOnly? OldestUnpaidIssueDate,
    [property: Id(6)] DateOnly? OldestUnremittedPaidDate);
