using System.Diagnostics.CodeAnalysis;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.failed: the bank answered that it could not refund.</summary>
public sealed record RefundFailed : RefundFinished, IFact
{
    /// <summary>For the reader and for initializers.</summary>
    public RefundFailed()
    {
    }

    [SetsRequiredMembers]
    public RefundFailed(TechnicalRefund refund, string payCode, RefundOutcome result)
        : base(refund, payCode, result)
    {
    }

    /// <summary>A business refund's result: the bank is the refund-reserve bank it was sent to.</summary>
    [SetsRequiredMembers]
    public RefundFailed(string refundNo, string payCode, string bank, decimal amount, RefundOutcome result)
        : base(refundNo, payCode, bank, amount, result)
    {
    }

    public static string Kind => "refund.failed";
}
