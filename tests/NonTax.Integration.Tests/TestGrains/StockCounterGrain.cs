using NonTax.Grains.Abstractions;

namespace NonTax.Integration.Tests.TestGrains;

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)] public int Value { get; set; }
}

public sealed class StockCounterGrain(
    [PersistentState("counter", StorageNames.Default)] IPersistentState<CounterState> state) : Grain, IStockCounterGrain
{
    public async Task Set(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task<string> HostingSilo() => Task.FromResult(RuntimeIdentity);
}
