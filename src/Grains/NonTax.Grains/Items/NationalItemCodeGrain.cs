using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Items;

namespace NonTax.Grains.Items;

/// <summary>Index from a national item identification code to the local item code (written rarely).</summary>
public sealed class NationalItemCodeGrain(
    [PersistentState("nationalitem", StorageNames.Default)] IPersistentState<NationalItemCodeState> state) : Grain, INationalItemCodeGrain
{
    public async Task Bind(string itemCode)
    {
        if (state.State.ItemCode != itemCode)
        {
            state.State.ItemCode = itemCode;
            await state.WriteStateAsync();
        }
    }

    public Task<string?> Resolve() => Task.FromResult(state.State.ItemCode);
}
