using System.Diagnostics.CodeAnalysis;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.completed: the bank refunded (a duplicate payment, or a business refund).</summary>
public sealed record RefundCompleted : RefundFinished, IFact
{
    /// <summary>For the reader and for initializers.</summary>
    public RefundCompleted()
    {
    }

    [SetsRequiredMembers]
    public RefundCompleted(TechnicalRefund refund, string payCode, RefundOutcome result)
        : base(refund, payCode, result)
    {
    }

    /// <summary>A business refund's result: the bank is the refund-reserve bank it was sent to.</summary>
    [SetsRequiredMembers]
    public RefundCompleted(string refundNo, string payCode, string bank, decimal amount, RefundOutcome result)
        : base(refundNo, payCode, bank, amount, result)
    {
    }

    public static string Kind => "refund.completed";
}
