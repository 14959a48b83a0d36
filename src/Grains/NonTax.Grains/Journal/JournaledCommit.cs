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

    /// <summary>The claim conflict behind a failed write; Orleans wraps provider exceptions, so look inside.</summary>
    public static UniqueClaimConflictException? FindClaimConflict(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is UniqueClaimConflictException conflict)
            {
                return conflict;
            }
        }

        return null;
    }
}
