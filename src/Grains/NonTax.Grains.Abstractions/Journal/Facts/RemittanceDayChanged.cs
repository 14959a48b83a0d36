namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// remittance.day_changed: a bank day's remittance moved (status, counts). <see cref="Version"/> is
/// the grain's write number, so the projection keeps only the newest.
/// </summary>
public sealed record RemittanceDayChanged(
    string BankNode,
    DateOnly BusinessDay,
    string Status,
    int Instructions,
    [property: MoneyText] decimal Amount,
    int Remitted,
    int Failed,
    string? WaitingFor,
    int Version) : IFact
{
    public static string Kind => "remittance.day_changed";
}
