namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>notice.issued: a payment notice (缴款通知书) was issued with its payer and item lines.</summary>
public sealed record NoticeIssued(
    string PayCode,
    string UnitCode,
    string RegionCode,
    DateOnly IssueDate,
    DateOnly DueDate,
    DateOnly LastPayableDate,
    [property: MoneyText] decimal Amount,
    string PayerName,
    int PayerType,
    string? PayerMobile,
    string? PayerCreditCode,
    string PayeeAcct,
    string? IssuerNode,
    bool ConfirmBack,
    string Operator,
    IReadOnlyList<NoticeIssued.Line> Lines) : IFact
{
    public static string Kind => "notice.issued";

    /// <summary>One item line (收费项目) in the notice's order.</summary>
    public sealed record Line(
        string NationalItemCode,
        string ItemCode,
        string ItemName,
        string UnitOfMeasure,
        [property: MoneyText] decimal Amount,
        decimal Quantity);
}
