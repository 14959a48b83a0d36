namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>
/// One refund as staff see it, technical or business, from the <c>nontax.refunds</c> view.
/// </summary>
/// <param name="Kind"><c>technical</c> or <c>business</c>.</param>
/// <param name="Status">applied / approved / rejected (business), pending (technical, 5617 instructed), completed / failed.</param>
/// <param name="InstructedAt">When the 5617 became due (a technical refund's duplicate, a business refund's approval).</param>
[GenerateSerializer, Immutable]
public sealed record RefundView(
    [property: Id(0)] string RefundNo,
    [property: Id(1)] string Kind,
    [property: Id(2)] string PayCode,
    [property: Id(3)] string UnitCode,
    [property: Id(4)] string? Bank,
    [property: Id(5)] decimal Amount,
    [property: Id(6)] string Reason,
    [property: Id(7)] string Status,
    [property: Id(8)] DateTimeOffset RequestedAt,
    [property: Id(9)] DateTimeOffset? InstructedAt,
    [property: Id(10)] string? DecidedBy,
    [property: Id(11)] string? BankResult,
    [property: Id(12)] DateOnly? RefundDate,
    [property: Id(13)] string? RefundTraNo,
    [property: Id(14)] string? Information,
    [property: Id(15)] DateTimeOffset? FinishedAt);
