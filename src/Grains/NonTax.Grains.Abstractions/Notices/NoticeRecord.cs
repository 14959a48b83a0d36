using NonTax.Grains.Abstractions.EBills;
using NonTax.Grains.Abstractions.Refunds;

namespace NonTax.Grains.Abstractions.Notices;

/// <summary>Everything a notice holds: details, its check code, confirmations and refunds.</summary>
/// <param name="Revenue">The accepted (first) confirmation, when paid.</param>
/// <param name="Duplicates">Later confirmations with other (Src, TraNoBus), each with a refund.</param>
/// <param name="EBill">The e-bill the notice was exchanged for; <paramref name="RedLetterEBill"/> its reversal.</param>
/// <param name="BusinessRefunds">Business refunds applied for (业务性退付), oldest first.</param>
[GenerateSerializer, Immutable]
public sealed record NoticeRecord(
    [property: Id(0)] NoticeAsOf Details,
    [property: Id(1)] string CheckCode,
    [property: Id(2)] ConfirmationRecord? Revenue,
    [property: Id(3)] IReadOnlyList<ConfirmationRecord> Duplicates,
    [property: Id(4)] IReadOnlyList<TechnicalRefund> Refunds,
    [property: Id(5)] int RefusedAttempts,
    [property: Id(140)] IReadOnlyList<BusinessRefund>? BusinessRefunds = null,
    [property: Id(141)] IReadOnlyList<DirectDebit>? DirectDebits = null,
    [property: Id(150)] IssuedEBill? EBill = null,
    [property: Id(151)] IssuedEBill? RedLetterEBill = null);
