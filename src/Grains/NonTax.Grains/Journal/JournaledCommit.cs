using NonTax.Grains.Abstractions.Journal;

namespace NonTax.Grains.Journal;

/// <summary>
/// The one way grains persist a change: write state, facts and claims in one commit; on any
/// failure nothing half-applied may stay in memory, so the state is read back from storage.
/// </summary>
internal static class JournaledCommit
{
    /// <param name="onStateLost">Called when even the read-back fails; the grain should deactivate so its next call reloads.</param>
    public static async Task CommitAsync<TState>(this IPersistentState<TState> state, Action onStateLost)
        where TState : IJournaledState
    {
        try
        {
            await state.WriteStateAsync();
            // The journaling provider drains the buffer itself; any other provider would let it grow.
            state.State.Journal.Clear();
        }
        catch
        {
            state.State.Journal.Clear();
            try
            {
                await state.ReadStateAsync();
            }
            catch
            {
                onStateLost();
            }

            throw;
        }
    }
}
