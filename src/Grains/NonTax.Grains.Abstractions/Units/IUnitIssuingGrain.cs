using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.Units;

/// <summary>
/// Issues the notices of one unit (key: unit code). A stateless worker: any number of activations
/// validate drafts and write notices in parallel, each asking the unit only for its issuing terms
/// (an interleaved read) and for a block of payment codes now and then (one unit write per block),
/// so a busy unit is not a one-write-at-a-time bottleneck.
/// </summary>
public interface IUnitIssuingGrain : IGrainWithStringKey
{
    /// <summary>Validates, allocates a payment code and issues the notice.</summary>
    Task<IssueResult> Issue(NoticeDraft draft);

    /// <summary>Input mode (8994): the unit's own system supplies the code; <c>10011</c> if it is used.</summary>
    Task<IssueResult> IssueWithCode(string payCode, NoticeDraft draft);

    /// <summary>Issues each row on its own (all-or-nothing per row) and reports per row.</summary>
    Task<BatchIssueReport> IssueBatch(IReadOnlyList<NoticeDraft> rows);
}
