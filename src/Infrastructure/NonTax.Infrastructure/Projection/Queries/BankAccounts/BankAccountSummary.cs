using NonTax.Grains.Abstractions.BankAccounts;

namespace NonTax.Infrastructure.Projection.Queries.BankAccounts;

/// <summary>An account in the list: its latest day, how many days it has and on how many the bank's closing balance was not the expected one.</summary>
public sealed record BankAccountSummary(string AccountNo, BankAccountDay LatestDay, long Days, long DaysNotMatching);
