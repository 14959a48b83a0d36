namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>The bank's answer that finished a technical refund, completed or failed.</summary>
public interface IRefundFinished
{
    string RefundNo { get; }
    string PayCode { get; }
    string Bank { get; }
    decimal Amount { get; }
    string Result { get; }
    DateOnly RefundDate { get; }
    string? RefundTraNo { get; }
    string? Information { get; }
}
