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

    public static string Kind => "refund.failed";
}
