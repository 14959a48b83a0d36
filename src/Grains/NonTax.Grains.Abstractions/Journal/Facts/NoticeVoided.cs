namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>notice.voided: an unpaid notice was voided (作废) by staff.</summary>
public sealed record NoticeVoided(
    string PayCode,
    string UnitCode,
    [property: MoneyText] decimal Amount,
    DateOnly VoidDate,
    string Operator,
    string Reason) : IFact
{
    public static string Kind => "notice.voided";
}
