namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.failed: the bank answered that it could not refund.</summary>
public sealed record RefundFailed(
    string RefundNo,
    string PayCode,
    string Bank,
    [property: MoneyText] decimal Amount,
    string Result,
    DateOnly RefundDate,
    string? RefundTraNo,
    string? Information) : IFact, IRefundFinished
{
    public static string Kind => "refund.failed";
}
