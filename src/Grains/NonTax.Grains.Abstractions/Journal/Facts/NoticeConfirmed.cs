namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>notice.confirmed: the first accepted 2612 paid the notice (revenue).</summary>
public sealed record NoticeConfirmed(
    string PayCode,
    string UnitCode,
    string Src,
    string TraNoBus,
    DateOnly CfmDate,
    string CfmTime,
    [property: MoneyText] decimal Amount,
    [property: MoneyText] decimal NoticeAmount,
    [property: MoneyText] decimal? LateFee,
    string PayMode,
    string? BankOutlet,
    string? PayerName,
    string? PayeeAcct,
    string? RefundNo) : IFact, IConfirmationAccepted
{
    public static string Kind => "notice.confirmed";
}
