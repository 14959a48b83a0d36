using Microsoft.Extensions.Logging;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Journal;

namespace NonTax.Grains.BankAccounts;

/// <summary>
/// One fiscal or supervised account; see <see cref="IBankAccountGrain"/> and docs/architecture.md,
/// "Bank accounts". The comparison computed the days; the grain reads the ones not closed at their
/// last run, a page at a time in day order, and closes each page in one write (its facts mark the
/// rows closed). A day recomputed later (a corrected file) is closed again; a day before the last
/// closed one does not move the running balance back.
/// </summary>
public sealed class BankAccountGrain(
    [PersistentState("bank-account", StorageNames.Domain)] IPersistentState<BankAccountState> state,
    IBankAccountStore store,
    TimeProvider clock,
    ILogger<BankAccountGrain> logger) : Grain, IBankAccountGrain
{
    /// <summary>Days closed per write.</summary>
    internal const int PageSize = 200;

    private BankAccountState S => state.State;
    private string AccountNo => this.GetPrimaryKeyString();

    public async Task<BankAccountView> Close()
    {
        while (true)
        {
            var days = await store.ReadUnclosedAsync(AccountNo, PageSize);
            if (days.Count == 0)
            {
                break;
            }

            var now = clock.GetUtcNow();
            S.Version++;
            foreach (var day in days)
            {
                if (S.LastClosedDay is not { } last || day.BusinessDay >= last)
                {
                    S.LastClosedDay = day.BusinessDay;
                    S.ExpectedBalance = day.ExpectedClosing;
                    S.BankBalance = day.BankClosing;
                    S.LastDayMatches = day.BalanceMatches;
                }

                S.Closings++;

                S.Journal.Record(BusinessFact.Create($"{AccountNo}:{day.BusinessDay:yyyyMMdd}:{day.MsgNo}:{day.Run}", AccountNo, now,
                    new BankAccountDayClosed(AccountNo, day.BusinessDay, day.BankNode, day.MsgNo, day.Run, day.ExpectedClosing, day.BankClosing,
                        day.BalanceMatches, S.Version)));
            }

            await state.CommitAsync(DeactivateOnIdle);
            logger.LogInformation("Account {Account} closed {Days} day(s) through {Day}; expected balance {Expected}, bank {Bank}",
                AccountNo, days.Count, S.LastClosedDay, S.ExpectedBalance, S.BankBalance);
            if (days.Count < PageSize)
            {
                break;
            }
        }

        return View();
    }

    public Task<BankAccountView> Get() => Task.FromResult(View());

    private BankAccountView View() =>
        new(AccountNo, S.LastClosedDay, S.ExpectedBalance, S.BankBalance, S.LastDayMatches, S.Closings, S.Version);
}
