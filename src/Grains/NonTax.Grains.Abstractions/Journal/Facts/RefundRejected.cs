namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.rejected: finance rejected a business refund application; nothing is sent to a bank.</summary>
public sealed record RefundRejected(
    string RefundNo,
    string PayCode,
    string UnitCode,
    [property: MoneyText] decimal Amount,
    string RejectedBy,
    string Reason) : IFact
{
    public static string Kind => "refund.rejected";
}
