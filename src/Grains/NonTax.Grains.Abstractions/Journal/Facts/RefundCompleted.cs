using System.Diagnostics.CodeAnalysis;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.completed: the bank refunded the duplicate payment.</summary>
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

    public static string Kind => "refund.completed";
}
