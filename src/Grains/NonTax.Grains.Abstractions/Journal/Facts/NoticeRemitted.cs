namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>notice.remitted: a paid notice's money reached the treasury or account (told to its unit by remittance).</summary>
public sealed record NoticeRemitted(
    string PayCode,
    string UnitCode,
    DateOnly RemittedDate) : IFact
{
    public static string Kind => "notice.remitted";
}
