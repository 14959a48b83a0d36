using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Hosting;
using NonTax.Grains.Journal;

namespace NonTax.Grains.Units;

/// <summary>A collecting unit; see <see cref="ICollectingUnitGrain"/>.</summary>
/// <remarks>
/// One grain, so one state and one call at a time: the profile, rights, limits, block state and
/// code reservations change atomically. Its code is split by reason to change: base data
/// (<c>CollectingUnitGrain.BaseData.cs</c>), issuing and code blocks (<c>.Issuing.cs</c>),
/// what happens to issued notices (<c>.Settlement.cs</c>) and monitoring (<c>.Monitoring.cs</c>,
/// rules in <see cref="MonitoringRules"/>).
/// </remarks>
public sealed partial class CollectingUnitGrain(
    [PersistentState("unit", StorageNames.Domain)] IPersistentState<CollectingUnitState> state,
    TimeProvider clock,
    IUnitMonitoringSource monitoringSource,
    IOptions<MonitoringOptions> monitoringOptions) : Grain, ICollectingUnitGrain, IRemindable
{
    private CollectingUnitState S => state.State;
    private string UnitCode => this.GetPrimaryKeyString();

    public async Task<CollectingUnitView?> Get() => S.Profile is null
        ? null
        : new CollectingUnitView(S.Profile, [.. S.Rights], S.Limits, Monitoring(await ReadBacklogAsync()), S.Version);

    private Task CommitAsync() => state.CommitAsync(DeactivateOnIdle);
}
