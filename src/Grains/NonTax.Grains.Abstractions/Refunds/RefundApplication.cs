namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>A collecting unit's application for a business refund of a paid notice (退付申请).</summary>
/// <param name="ApplicationNo">The unit's number for this application (1–30 characters); resending it changes nothing.</param>
/// <param name="UnitCode">The applying unit; must be the notice's unit.</param>
/// <param name="Amount">Positive, at most two decimals, at most what was paid less what is already refunded or reserved.</param>
/// <param name="Reason">Why (shown to finance and sent to the bank in the 5617), 1–200 characters.</param>
[GenerateSerializer, Immutable]
public sealed record RefundApplication(
    [property: Id(0)] string ApplicationNo,
    [property: Id(1)] string UnitCode,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Reason,
    [property: Id(4)] string OperatorName);
