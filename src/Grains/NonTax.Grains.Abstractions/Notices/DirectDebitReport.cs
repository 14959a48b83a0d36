namespace NonTax.Grains.Abstractions.Notices;

/// <summary>A bank's 2607 for a 5604, as the notice receives it (the voucher is <c>NonTax.Protocol.Vouchers.Collection.DirectDebitResult</c>).</summary>
/// <param name="Src">The bank that sent the 2607.</param>
/// <param name="DebitTime">HHmmss.</param>
[GenerateSerializer, Immutable]
public sealed record DirectDebitReport(
    [property: Id(0)] string DebitNo,
    [property: Id(1)] string Src,
    [property: Id(2)] string Result,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] DateOnly DebitDate,
    [property: Id(5)] string DebitTime,
    [property: Id(6)] string TraNoBus,
    [property: Id(7)] string BankOutlet,
    [property: Id(8)] string? Information = null);
