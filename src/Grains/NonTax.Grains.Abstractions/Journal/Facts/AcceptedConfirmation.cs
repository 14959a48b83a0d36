using System.Diagnostics.CodeAnalysis;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// What a confirmation the notice accepted records about the payment, as revenue
/// (<see cref="NoticeConfirmed"/>) or as a duplicate (<see cref="NoticeDuplicate"/>): the same
/// fields under two kinds.
/// </summary>
public abstract record AcceptedConfirmation
{
    protected AcceptedConfirmation()
    {
    }

    /// <summary>The fields of <paramref name="confirmation"/> of <paramref name="notice"/>, as the notice grain records them.</summary>
    [SetsRequiredMembers]
    protected AcceptedConfirmation(ConfirmedPayment confirmation, NoticeContent notice, decimal? lateFee)
    {
        PayCode = notice.PayCode;
        UnitCode = notice.UnitCode;
        Src = confirmation.Src;
        TraNoBus = confirmation.TraNoBus;
        CfmDate = confirmation.CfmDate;
        CfmTime = confirmation.CfmTime;
        Amount = confirmation.Amount;
        NoticeAmount = notice.Amount;
        LateFee = lateFee;
        PayMode = confirmation.PayMode;
        BankOutlet = confirmation.BankOutlet;
        PayerName = confirmation.PayerName;
        PayeeAcct = notice.Payee.AccountNo;
    }

    public required string PayCode { get; init; }
    public required string UnitCode { get; init; }
    public required string Src { get; init; }
    public required string TraNoBus { get; init; }
    public required DateOnly CfmDate { get; init; }
    public required string CfmTime { get; init; }
    [MoneyText] public required decimal Amount { get; init; }
    [MoneyText] public required decimal NoticeAmount { get; init; }
    [MoneyText] public required decimal? LateFee { get; init; }
    public required string PayMode { get; init; }
    public required string? BankOutlet { get; init; }
    public required string? PayerName { get; init; }
    public required string? PayeeAcct { get; init; }
}
