namespace NonTax.Grains.Abstractions.Units;

/// <summary>
/// What monitoring needs to know about a unit's notices, summarised by SQL over the projection so
/// the unit's state never holds one entry per notice.
/// </summary>
/// <param name="OpenNotices">Issued, unpaid, not void.</param>
/// <param name="OldestOpenIssueDate">Issue date of the oldest open notice.</param>
/// <param name="UnremittedNotices">Paid, money not yet remitted.</param>
/// <param name="OldestUnremittedPaidDate">Payment date (CfmDate) of the oldest paid, un-remitted notice.</param>
/// <param name="OldestCountedOpen">The oldest open notice issued after the clearing watermark, if any.</param>
/// <param name="OldestUnreturnedVoid">The unit's voided paper bill not yet handed back to finance the longest, if any.</param>
/// <param name="OldestCountedUnremitted">The oldest un-remitted notice paid after the clearing watermark, if any.</param>
public sealed record UnitBacklog(
    int OpenNotices,
    DateOnly? OldestOpenIssueDate,
    int UnremittedNotices,
    DateOnly? OldestUnremittedPaidDate,
    BacklogNotice? OldestCountedOpen,
    BacklogNotice? OldestCountedUnremitted,
    UnreturnedVoid? OldestUnreturnedVoid = null)
{
    public static UnitBacklog Empty { get; } = new(0, null, 0, null, null, null);
}
