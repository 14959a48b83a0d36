using System.Diagnostics.CodeAnalysis;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>notice.confirmed: the first accepted 2612 paid the notice (revenue).</summary>
public sealed record NoticeConfirmed : AcceptedConfirmation, IFact
{
    /// <summary>For the reader and for initializers.</summary>
    public NoticeConfirmed()
    {
    }

    /// <summary>Revenue: the late fee is what was paid beyond the notice's amount.</summary>
    [SetsRequiredMembers]
    public NoticeConfirmed(ConfirmedPayment confirmation, NoticeContent notice)
        : base(confirmation, notice, lateFee: confirmation.Amount - notice.Amount) =>
        RefundNo = null;

    public static string Kind => "notice.confirmed";

    /// <summary>Always written, always null: revenue is never refunded.</summary>
    public required string? RefundNo { get; init; }
}
