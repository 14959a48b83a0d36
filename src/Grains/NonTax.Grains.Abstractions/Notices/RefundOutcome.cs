namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// A bank's 2617 answer to a 5617 refund instruction, as the notice records it (the voucher is
/// <c>NonTax.Protocol.Vouchers.Collection.RefundResult</c>; the alias keeps the former name readable).
/// </summary>
[GenerateSerializer, Immutable, Alias("NonTax.Grains.Abstractions.Notices.RefundResult")]
public sealed record RefundOutcome(
    [property: Id(0)] string RefundNo,
    [property: Id(1)] string Result,
    [property: Id(2)] DateOnly RefundDate,
    [property: Id(3)] string RefundTraNo,
    [property: Id(4)] string? Information = null);
