using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Bureau;

namespace NonTax.Grains.Journal;

/// <summary>Records a base-data change as a <c>basedata.changed</c> fact (and in the state's own history where it keeps one).</summary>
internal static class ChangeLog
{
    /// <summary>False (and nothing recorded) when <paramref name="before"/> and <paramref name="after"/> are equal.</summary>
    public static bool Record(IVersionedState state, string entity, string key, object? before, object? after, string operatorName, DateTimeOffset at)
    {
        var beforeJson = before is null ? null : Facts.ToJson(before);
        var afterJson = after is null ? null : Facts.ToJson(after);
        if (beforeJson == afterJson)
        {
            return false;
        }

        state.Version++;
        var change = new BaseDataChange(state.Version, entity, key, operatorName, at, beforeJson, afterJson);
        (state as IKeepsChangeHistory)?.History.Add(change);
        state.Journal.Record(Facts.Create($"{FactKinds.BaseDataChanged}:{entity}:{key}:{state.Version}", FactKinds.BaseDataChanged, key, at, new
        {
            entity,
            key,
            version = state.Version,
            @operator = operatorName,
            before = beforeJson,
            after = afterJson,
        }));
        return true;
    }
}
