using System.Diagnostics.CodeAnalysis;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>notice.duplicate: a later 2612 with another TraNoBus for a paid notice, kept and refunded under <see cref="RefundNo"/>.</summary>
public sealed record NoticeDuplicate : AcceptedConfirmation, IFact
{
    /// <summary>For the reader and for initializers.</summary>
    public NoticeDuplicate()
    {
    }

    /// <summary>A duplicate has no late fee: all of it is refunded.</summary>
    [SetsRequiredMembers]
    public NoticeDuplicate(ConfirmedPayment confirmation, NoticeContent notice, string refundNo)
        : base(confirmation, notice, lateFee: null) =>
        RefundNo = refundNo;

    public static string Kind => "notice.duplicate";

    public required string RefundNo { get; init; }
}
