namespace NonTax.Grains.Abstractions.BankAccounts;

/// <summary>
/// What a BankAccount grain keeps: the last business day it closed, the balance the system expects
/// at its end (and the bank's, when it stated one), whether they match, how many day closings it
/// made (a day recomputed by a corrected file is closed again) and its write number.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("bankaccount.view")]
public sealed record BankAccountView(
    [property: Id(0)] string AccountNo,
    [property: Id(1)] DateOnly? LastClosedDay,
    [property: Id(2)] decimal? ExpectedBalance,
    [property: Id(3)] decimal? BankBalance,
    [property: Id(4)] bool LastDayMatches,
    [property: Id(5)] int Closings,
    [property: Id(6)] int Version);
