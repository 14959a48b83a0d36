using Orleans.Concurrency;

namespace NonTax.Grains.Abstractions.BankAccounts;

/// <summary>
/// A fiscal or supervised account (the design's fourth aggregate; key: the account number). The
/// account's days live in <c>bank_account_days</c>, written by the 2556/2581 comparison; the grain
/// closes them in day order (a bankaccount.day_closed fact per day, in one write with its
/// summary) and keeps only that summary (<see cref="BankAccountView"/>): bounded, whatever the
/// number of days.
/// </summary>
[Alias("bankaccount.IBankAccountGrain")]
public interface IBankAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Closes every day of the account written or changed since it was last closed (called after a
    /// 2556/2581 comparison, or by staff); nothing to close changes nothing.
    /// </summary>
    [Alias("Close")]
    Task<BankAccountView> Close();

    [AlwaysInterleave]
    [Alias("Get")]
    Task<BankAccountView> Get();
}
