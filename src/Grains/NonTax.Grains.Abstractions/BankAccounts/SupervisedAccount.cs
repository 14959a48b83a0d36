namespace NonTax.Grains.Abstractions.BankAccounts;

/// <summary>
/// A unit's supervised account (单位监管账户, RecAcctType 4): the account a 2581 states and 5981
/// publishes, with the unit whose notices are paid into it. <see cref="UnitCode"/> is null for an
/// active supervised account no active unit uses: 5981 leaves it out (its rows must name a unit).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("bankaccount.supervised-account")]
public sealed record SupervisedAccount(
    [property: Id(0)] string AccountNo,
    [property: Id(1)] string AccountName,
    [property: Id(2)] string BankCode,
    [property: Id(3)] string BankName,
    [property: Id(4)] string? UnitCode,
    [property: Id(5)] string? UnitName)
{
    /// <summary>5981 publishes the row (the account has a unit).</summary>
    public bool Published => UnitCode is not null;
}
