namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>A fiscal account (财政账户).</summary>
/// <param name="AccountType">RecAcctType: 1 fiscal special account, 2 remittance collection, 3 ledger subject, 4 unit supervised, 5 treasury, 6 sub-account, 9 other.</param>
/// <param name="Active">Status 1 active / 0 closed.</param>
[GenerateSerializer, Immutable]
public sealed record FiscalAccount(
    [property: Id(0)] string AccountNo,
    [property: Id(1)] string Name,
    [property: Id(2)] string BankCode,
    [property: Id(3)] string BankName,
    [property: Id(4)] int AccountType,
    [property: Id(5)] bool Active = true);
