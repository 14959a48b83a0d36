namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// bankaccount.day_closed: an account's grain closed one business day at the comparison run that
/// computed it (closes that row of <c>bank_account_days</c>); <see cref="Version"/> is the grain's
/// write number.
/// </summary>
public sealed record BankAccountDayClosed(
    string AccountNo,
    DateOnly BusinessDay,
    string BankNode,
    string MsgNo,
    int Run,
    [property: MoneyText] decimal? ExpectedClosing,
    [property: MoneyText] decimal? BankClosing,
    bool BalanceMatches,
    int Version) : IFact
{
    public static string Kind => "bankaccount.day_closed";
}
