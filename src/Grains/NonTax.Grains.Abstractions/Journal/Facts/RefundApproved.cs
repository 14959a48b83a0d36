namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>refund.approved: finance approved a business refund; its 5617 goes to <paramref name="Bank"/>, the refund-reserve bank.</summary>
public sealed record RefundApproved(
    string RefundNo,
    string PayCode,
    string UnitCode,
    string Bank,
    [property: MoneyText] decimal Amount,
    string ApprovedBy,
    string? Note) : IFact
{
    public static string Kind => "refund.approved";
}
