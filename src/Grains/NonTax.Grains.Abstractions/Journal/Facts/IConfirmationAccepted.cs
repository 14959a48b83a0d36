namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>What a confirmation the notice accepted (as revenue or as a duplicate) records about the payment.</summary>
public interface IConfirmationAccepted
{
    string PayCode { get; }
    string UnitCode { get; }
    string Src { get; }
    string TraNoBus { get; }
    DateOnly CfmDate { get; }
    string CfmTime { get; }
    decimal Amount { get; }
    decimal NoticeAmount { get; }
    decimal? LateFee { get; }
    string PayMode { get; }
    string? BankOutlet { get; }
    string? PayerName { get; }
    string? PayeeAcct { get; }
    string? RefundNo { get; }
}
