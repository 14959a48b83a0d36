namespace NonTax.Grains.Abstractions.BankAccounts;

/// <summary>
/// One row of <c>bank_account_days</c>: an account's business day as the system expects it (from
/// what it recorded) and as the bank stated it in its 2556/2581 (null: no row for the account in
/// the file). <see cref="ExpectedOpening"/> is null only when the system has no earlier day of the
/// account and the bank stated none.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("bankaccount.day")]
public sealed record BankAccountDay(
    [property: Id(0)] string AccountNo,
    [property: Id(1)] DateOnly BusinessDay,
    [property: Id(2)] string BankNode,
    [property: Id(3)] string MsgNo,
    [property: Id(4)] int Run,
    [property: Id(5)] decimal? ExpectedOpening,
    [property: Id(6)] long InNum,
    [property: Id(7)] decimal InAmount,
    [property: Id(8)] long OutNum,
    [property: Id(9)] decimal OutAmount,
    [property: Id(10)] decimal? ExpectedClosing,
    [property: Id(11)] decimal? BankOpening,
    [property: Id(12)] long? BankInNum,
    [property: Id(13)] decimal? BankInAmount,
    [property: Id(14)] long? BankOutNum,
    [property: Id(15)] decimal? BankOutAmount,
    [property: Id(16)] decimal? BankClosing,
    [property: Id(17)] int? ClosedVersion,
    [property: Id(18)] DateTimeOffset? ClosedAt)
{
    /// <summary>The bank stated the account and its closing balance is the one the system expects.</summary>
    public bool BalanceMatches => BankClosing is { } bank && ExpectedClosing is { } expected && bank == expected;

    /// <summary>Closed by the account's grain at the run that wrote it.</summary>
    public bool Closed => ClosedVersion is not null;
}
