namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>notice.duplicate: a later 2612 with another TraNoBus for a paid notice, kept and refunded under <see cref="RefundNo"/>.</summary>
public sealed record NoticeDuplicate(
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
    string RefundNo) : IFact, IConfirmationAccepted
{
    public static string Kind => "notice.duplicate";
}
