namespace NonTax.Grains.Abstractions.BankAccounts;

/// <summary>The relational side of the BankAccount grains: <c>bank_account_days</c> (implemented over SQL on the silo).</summary>
public interface IBankAccountStore
{
    /// <summary>The account's days whose last comparison run is not closed yet, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<BankAccountDay>> ReadUnclosedAsync(string accountNo, int limit, CancellationToken cancellationToken = default);

    /// <summary>The accounts a bank's 2556 or 2581 of a day covers, by account number after <paramref name="afterAccount"/>.</summary>
    Task<IReadOnlyList<string>> ReadFileAccountsAsync(string bankNode, DateOnly businessDay, string msgNo, string afterAccount, int limit,
        CancellationToken cancellationToken = default);
}
