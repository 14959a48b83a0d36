using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.Journal;
using NonTax.Protocol.Time;

namespace NonTax.Grains.MoneyFlow;

/// <summary>
/// One item's clearing rule under maker-checker. A proposal is checked (<see cref="ClearingRuleCheck"/>)
/// and must start today or later; approval by the proposer is refused, and a proposal whose day
/// has passed while it waited can no longer be approved (it would rewrite that day).
/// </summary>
public sealed class ClearingRuleGrain(
    [PersistentState("clearing-rule", StorageNames.Domain)] IPersistentState<ClearingRuleState> state,
    TimeProvider time) : Grain, IClearingRuleGrain
{
    private const string Proposed = "proposed";

    private string ItemCode => this.GetPrimaryKeyString();

    public async Task<ClearingRuleChange> Propose(ClearingRule rule, string operatorName)
    {
        if (ClearingRuleCheck.Problem(rule) is { } problem)
        {
            return new ClearingRuleChange(false, 0, problem);
        }

        if (rule.ItemCode != ItemCode)
        {
            return new ClearingRuleChange(false, 0, $"itemCode: this is the rule of {ItemCode}");
        }

        var today = ChinaTime.ToBusinessDate(time.GetUtcNow());
        if (rule.EffectiveFrom < today)
        {
            return new ClearingRuleChange(false, 0, $"effectiveFrom: {rule.EffectiveFrom:yyyy-MM-dd} is past; a change starts today ({today:yyyy-MM-dd}) or later");
        }

        if (state.State.Pending is { } pending)
        {
            return new ClearingRuleChange(false, pending.Version, $"version {pending.Version} proposed by {pending.ProposedBy} waits for a decision first");
        }

        var version = state.State.LastVersion + 1;
        state.State.LastVersion = version;
        state.State.Pending = new ClearingRuleVersion(version, rule, Proposed, operatorName);
        state.State.Journal.Record(BusinessFact.Create($"{ItemCode}:{version}", ItemCode, time.GetUtcNow(), new ClearingRuleProposed(
            ItemCode, version, rule.EffectiveFrom, rule.FundType, rule.RemitMode, rule.RemainderAccountNo,
            [.. rule.Shares.Select(s => new ClearingRuleProposed.Share(s.BudgetLevel, s.AccountNo, s.AccountName, s.BankNo, s.Ratio))],
            operatorName)));
        await state.CommitAsync(DeactivateOnIdle);
        return new ClearingRuleChange(true, version);
    }

    public async Task<ClearingRuleChange> Approve(int version, string operatorName)
    {
        if (Refusal(version) is { } refusal)
        {
            return refusal;
        }

        var pending = state.State.Pending!;
        if (pending.ProposedBy == operatorName)
        {
            return new ClearingRuleChange(false, version, "a change to a clearing rule needs a second person: the proposer cannot approve it");
        }

        var today = ChinaTime.ToBusinessDate(time.GetUtcNow());
        if (pending.Rule.EffectiveFrom < today)
        {
            return new ClearingRuleChange(false, version, $"its first day {pending.Rule.EffectiveFrom:yyyy-MM-dd} has passed; reject it and propose again");
        }

        return await DecideAsync(version, true, operatorName, null);
    }

    public Task<ClearingRuleChange> Reject(int version, string operatorName, string reason) =>
        Refusal(version) is { } refusal
            ? Task.FromResult(refusal)
            : string.IsNullOrWhiteSpace(reason)
                ? Task.FromResult(new ClearingRuleChange(false, version, "a reason is required"))
                : DecideAsync(version, false, operatorName, reason.Trim());

    public Task<ClearingRuleVersion?> GetPending() => Task.FromResult(state.State.Pending);

    private ClearingRuleChange? Refusal(int version) =>
        state.State.Pending?.Version == version ? null : new ClearingRuleChange(false, version, $"version {version} of {ItemCode} is not waiting for a decision");

    private async Task<ClearingRuleChange> DecideAsync(int version, bool approved, string operatorName, string? reason)
    {
        state.State.Pending = null;
        state.State.Journal.Record(BusinessFact.Create($"{ItemCode}:{version}", ItemCode, time.GetUtcNow(),
            new ClearingRuleDecided(ItemCode, version, approved, operatorName, reason)));
        await state.CommitAsync(DeactivateOnIdle);
        return new ClearingRuleChange(true, version);
    }
}
