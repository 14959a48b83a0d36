using NonTax.Grains.Abstractions.Notices;
using Orleans.Concurrency;

namespace NonTax.Grains.Abstractions.Units;

/// <summary>
/// A collecting unit (key: unit code): its data, collection rights, monitoring limits and blocked
/// state, and the allocation of its payment codes. Its notices are issued by its
/// <see cref="IUnitIssuingGrain"/>; per-notice facts (open, paid, remitted) live in the projection,
/// not in the unit (docs/architecture.md, "Bounded state").
/// </summary>
public interface ICollectingUnitGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates or changes the unit (versioned and logged); <c>20001</c> when the profile is malformed or its
    /// issuer number is already held by another unit of the region.
    /// </summary>
    Task<string> Define(CollectingUnitProfile profile, string operatorName);

    /// <summary>Null when the unit does not exist.</summary>
    Task<CollectingUnitView?> Get();

    /// <summary>Grants the right to charge an item (by either code); <c>18013</c> for an unknown item.</summary>
    Task<string> GrantRight(string itemCode, string operatorName);

    Task<string> RevokeRight(string itemCode, string operatorName);

    Task<string> SetMonitoringLimits(MonitoringLimits limits, string operatorName);

    /// <summary>Validates, allocates a payment code and issues the notice (through <see cref="IUnitIssuingGrain"/>).</summary>
    [AlwaysInterleave]
    Task<IssueResult> Issue(NoticeDraft draft);

    /// <summary>Input mode (8994): the unit's own system supplies the code; <c>10011</c> if it is used.</summary>
    [AlwaysInterleave]
    Task<IssueResult> IssueWithCode(string payCode, NoticeDraft draft);

    /// <summary>Issues each row on its own (all-or-nothing per row) and reports per row.</summary>
    [AlwaysInterleave]
    Task<BatchIssueReport> IssueBatch(IReadOnlyList<NoticeDraft> rows);

    /// <summary>Profile, rights and block state for validating a draft; changes nothing.</summary>
    /// <remarks>Interleaves with everything, so issuing never queues behind a unit write.</remarks>
    [AlwaysInterleave]
    Task<IssuingTerms> GetIssuingTerms();

    /// <summary>
    /// Durably reserves <paramref name="count"/> sequence numbers of <paramref name="year"/> (two
    /// digits) for one caller. A year earlier than the unit's current one gets the current year's
    /// numbers, so no code repeats when silo clocks disagree at New Year.
    /// </summary>
    Task<PayCodeBlock> ReserveCodes(int year, int count);

    /// <summary>Voids one of this unit's unpaid notices (8994 with PayStats 2, or staff).</summary>
    /// <remarks>Interleaves: it changes no unit state itself, and the notice's void calls back into the unit.</remarks>
    [AlwaysInterleave]
    Task<string> VoidNotice(string payCode, string operatorName, string reason);

    /// <summary>
    /// Told by remittance when the money of these notices reached the treasury or account: records
    /// a <c>notice.remitted</c> fact per code (the projection marks the notice), keeps no set.
    /// </summary>
    Task MarkRemitted(IReadOnlyList<string> payCodes);

    /// <summary>Applies the monitoring rules now (the reminder calls this too).</summary>
    Task<MonitoringState> EvaluateMonitoring();

    /// <summary>
    /// Staff clear a block: notices issued or paid up to now no longer count toward a block
    /// (a watermark, not a list of offenders); later ones do.
    /// </summary>
    Task<string> ClearBlock(string operatorName, string reason);
}
