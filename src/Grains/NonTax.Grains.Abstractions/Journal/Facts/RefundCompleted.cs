namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.completed: the bank refunded the duplicate payment.</summary>
public sealed record RefundCompleted(
    string RefundNo,
    string PayCode,
    string Bank,
    [property: MoneyText] decimal Amount,
    string Result,
    DateOnly RefundDate,
    string? RefundTraNo,
    string? Information) : IFact, IRefundFinished
{
    public static string Kind => "refund.completed";
}
