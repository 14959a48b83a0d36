using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Integration.Tests.Projection;

[GenerateSerializer]
public sealed class FactRecorderState : IJournaledState
{
    [Id(0)] public int Writes { get; set; }

    [NonSerialized]
    private readonly JournalBuffer _journal = new();

    public JournalBuffer Journal => _journal;
}

public sealed class FactRecorderGrain(
    [PersistentState("fact-recorder", StorageNames.Domain)] IPersistentState<FactRecorderState> state) : Grain, IFactRecorderGrain
{
    public async Task<int> Record(BusinessFact[] facts)
    {
        state.State.Writes++;
        foreach (var fact in facts)
        {
            state.State.Journal.Record(fact);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Nothing was committed: forget the change so the next call starts from what is stored.
            state.State.Journal.Clear();
            await state.ReadStateAsync();
            throw;
        }

        return state.State.Writes;
    }
}
