namespace NonTax.Grains.Abstractions.Notices;

/// <summary>The account the money goes to (收款人), copied onto the notice when issued.</summary>
/// <param name="AccountType">RecAcctType code (1 fiscal special account … 9 other).</param>
[GenerateSerializer, Immutable]
public sealed record Payee(
    [property: Id(0)] string AccountNo,
    [property: Id(1)] string Name,
    [property: Id(2)] string BankCode,
    [property: Id(3)] string BankName,
    [property: Id(4)] int AccountType);
