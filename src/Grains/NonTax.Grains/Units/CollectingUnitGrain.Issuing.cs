using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;

namespace NonTax.Grains.Units;

// Issuing goes through the unit's IUnitIssuingGrain; the unit hands out the terms and blocks of codes.
public sealed partial class CollectingUnitGrain
{
    /// <summary>The most sequence numbers one reservation may take.</summary>
    private const int MaxBlockSize = 10_000;

    private IUnitIssuingGrain Issuing => GrainFactory.GetGrain<IUnitIssuingGrain>(UnitCode);

    // Interleaved hand-overs: the issuing worker reads the terms and asks for code blocks itself.
    public Task<IssueResult> Issue(NoticeDraft draft) => Issuing.Issue(draft);

    public Task<IssueResult> IssueWithCode(string payCode, NoticeDraft draft) => Issuing.IssueWithCode(payCode, draft);

    public Task<BatchIssueReport> IssueBatch(IReadOnlyList<NoticeDraft> rows) => Issuing.IssueBatch(rows);

    public Task<IssuingTerms> GetIssuingTerms() =>
        Task.FromResult(new IssuingTerms(S.Profile, [.. S.Rights], S.IsBlocked, S.BlockReason, S.Version));

    public async Task<PayCodeBlock> ReserveCodes(int year, int count)
    {
        if (S.Profile is not { } profile)
        {
            throw new InvalidOperationException($"Unit {UnitCode} does not exist; it has no payment codes to hand out.");
        }

        count = Math.Clamp(count, 1, MaxBlockSize);
        if (year > S.AllocationYear)
        {
            S.AllocationYear = year;
            S.ReservedUpTo = 1;
        }

        var first = S.ReservedUpTo;
        S.ReservedUpTo = first + count;
        await CommitAsync();
        return new PayCodeBlock(profile.RegionCode, profile.IssuerNumber, S.AllocationYear, first, count);
    }
}
