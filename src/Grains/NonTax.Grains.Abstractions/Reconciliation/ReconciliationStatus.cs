namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>
/// A day's (and a file's) status as stored in <c>reconciliation_days.status</c>: open (files
/// missing or incomplete, nothing compared), matched (every compared record agrees), differences
/// (some difference is open), resolved (there were differences; none is open any more — staff
/// resolved them or a corrected file cleared them).
/// </summary>
public static class ReconciliationStatus
{
    public const string Open = "open";
    public const string Matched = "matched";
    public const string Differences = "differences";
    public const string Resolved = "resolved";
}
