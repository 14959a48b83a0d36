namespace NonTax.Grains.Abstractions.Notices;

/// <summary>A bank's 2617 answer to a 5617 refund instruction.</summary>
[GenerateSerializer, Immutable]
public sealed record RefundResult(
    [property: Id(0)] string RefundNo,
    [property: Id(1)] string Result,
    [property: Id(2)] DateOnly RefundDate,
    [property: Id(3)] string RefundTraNo,
    [property: Id(4)] string? Information = null);
