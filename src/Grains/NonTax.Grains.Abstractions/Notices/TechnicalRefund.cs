namespace NonTax.Grains.Abstractions.Notices;

/// <summary>A technical refund (技术性退付) of a duplicate payment back through the channel that took it.</summary>
/// <param name="RefundNo">Deterministic: "T" + payment code + 2-digit sequence (23 characters).</param>
/// <param name="BankNode">The node that sent the duplicate; the 5617 goes to its BankLink.</param>
[GenerateSerializer, Immutable]
public sealed record TechnicalRefund(
    [property: Id(0)] string RefundNo,
    [property: Id(1)] string BankNode,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Reason,
    [property: Id(4)] string OriTraNoBus,
    [property: Id(5)] DateOnly OriCfmDate,
    [property: Id(6)] RefundStatus Status,
    [property: Id(7)] bool HandedOver,
    [property: Id(8)] string? BankResult = null,
    [property: Id(9)] DateOnly? RefundDate = null,
    [property: Id(10)] string? RefundTraNo = null,
    [property: Id(11)] string? Information = null);
