namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// remittance.resent: finance re-sent a refused 5618 (<see cref="RemitNo"/>, its 2618 not 00000) as
/// <see cref="ResentAs"/>, a new instruction with the same content (recorded by its own
/// remittance.instructed in the same write).
/// </summary>
public sealed record RemittanceResent(
    string BankNode,
    DateOnly BusinessDay,
    string RemitNo,
    string ResentAs,
    string RefusedResult,
    string Operator) : IFact
{
    public static string Kind => "remittance.resent";
}
