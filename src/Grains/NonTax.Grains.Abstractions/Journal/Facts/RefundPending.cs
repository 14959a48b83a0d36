namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.pending: a technical refund (技术性退付) of a duplicate payment waits for the bank.</summary>
/// <param name="Bank">The bank that refunds; <paramref name="Src"/> repeats it as the 2612's sender.</param>
public sealed record RefundPending(
    string RefundNo,
    int RefundType,
    string PayCode,
    string UnitCode,
    string Bank,
    string Src,
    string OriTraNoBus,
    DateOnly OriCfmDate,
    [property: MoneyText] decimal Amount,
    string Reason) : IFact
{
    public static string Kind => "refund.pending";
}
