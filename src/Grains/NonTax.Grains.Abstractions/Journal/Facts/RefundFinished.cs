using System.Diagnostics.CodeAnalysis;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>The bank's answer that finished a technical refund: <see cref="RefundCompleted"/> or <see cref="RefundFailed"/>.</summary>
public abstract record RefundFinished
{
    protected RefundFinished()
    {
    }

    /// <summary>The bank's <paramref name="result"/> for <paramref name="refund"/> of the notice <paramref name="payCode"/>.</summary>
    [SetsRequiredMembers]
    protected RefundFinished(TechnicalRefund refund, string payCode, RefundOutcome result)
        : this(refund.RefundNo, payCode, refund.BankNode, refund.Amount, result)
    {
    }

    /// <summary>The bank's <paramref name="result"/> for any refund (technical or business) sent to <paramref name="bank"/>.</summary>
    [SetsRequiredMembers]
    protected RefundFinished(string refundNo, string payCode, string bank, decimal amount, RefundOutcome result)
    {
        RefundNo = refundNo;
        PayCode = payCode;
        Bank = bank;
        Amount = amount;
        Result = result.Result;
        RefundDate = result.RefundDate;
        RefundTraNo = result.RefundTraNo;
        Information = result.Information;
    }

    public required string RefundNo { get; init; }
    public required string PayCode { get; init; }
    public required string Bank { get; init; }
    [MoneyText] public required decimal Amount { get; init; }
    public required string Result { get; init; }
    public required DateOnly RefundDate { get; init; }
    public required string? RefundTraNo { get; init; }
    public required string? Information { get; init; }
}
