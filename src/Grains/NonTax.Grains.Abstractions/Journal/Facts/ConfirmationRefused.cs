namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>notice.confirmation_refused: a 2612 the notice refused (void, expired, wrong amount) with the result code and what was due.</summary>
public sealed record ConfirmationRefused(
    string PayCode,
    string UnitCode,
    string Src,
    string TraNoBus,
    DateOnly CfmDate,
    [property: MoneyText] decimal Amount,
    [property: MoneyText] decimal AmountDue,
    string Result) : IFact
{
    public static string Kind => "notice.confirmation_refused";
}
