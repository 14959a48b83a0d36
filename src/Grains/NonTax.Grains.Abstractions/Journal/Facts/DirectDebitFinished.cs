namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// directdebit.finished: the bank's 2607 for a direct debit. When it debited, the money is also a
/// confirmation of the notice (notice.confirmed or notice.duplicate, with the same TraNoBus);
/// <paramref name="NoticeResult"/> is the notice's answer to it.
/// </summary>
public sealed record DirectDebitFinished(
    string DebitNo,
    string PayCode,
    string Bank,
    string Result,
    [property: MoneyText] decimal Amount,
    DateOnly DebitDate,
    string TraNoBus,
    string? NoticeResult,
    string? Information) : IFact
{
    public static string Kind => "directdebit.finished";
}
