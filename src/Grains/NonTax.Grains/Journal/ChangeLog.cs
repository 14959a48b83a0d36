using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;

namespace NonTax.Grains.Journal;

/// <summary>Records a base-data change as a <c>basedata.changed</c> fact (and in the state's own history where it keeps one).</summary>
internal static class ChangeLog
{
    /// <summary>False (and nothing recorded) when <paramref name="before"/> and <paramref name="after"/> are equal.</summary>
    public static bool Record(IVersionedState state, string entity, string key, object? before, object? after, string operatorName, DateTimeOffset at)
    {
        var beforeJson = before is null ? null : FactJson.Snapshot(before);
        var afterJson = after is null ? null : FactJson.Snapshot(after);
        if (beforeJson == afterJson)
        {
            return false;
        }

        state.Version++;
        var change = new BaseDataChange(state.Version, entity, key, operatorName, at, beforeJson, afterJson);
        (state as IKeepsChangeHistory)?.History.Add(change);
        state.Journal.Record(BusinessFact.Create($"{entity}:{key}:{state.Version}", key, at,
            new BaseDataChanged(entity, key, state.Version, operatorName, beforeJson, afterJson)));
        return true;
    }
}
