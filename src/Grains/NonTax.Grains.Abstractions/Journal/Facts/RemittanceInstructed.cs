namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// remittance.instructed: one 5618 of a bank's day was computed (RemitType 1 direct: one payment's
/// share for a budget level; 2 central: the day's items for one account and budget level) and will
/// be handed to the bank's link. Each row keeps the clearing rule version it was split by.
/// </summary>
public sealed record RemittanceInstructed(
    string BankNode,
    DateOnly BusinessDay,
    string RemitNo,
    int RemitType,
    string PayAcct,
    string TreCode,
    string TreName,
    int BudgetLevel,
    [property: MoneyText] decimal Amount,
    string? PayCode,
    IReadOnlyList<RemittanceInstructed.Line> Lines) : IFact
{
    public static string Kind => "remittance.instructed";

    /// <summary>One row of the 5618.</summary>
    public sealed record Line(int LineNo, string ItemCode, string BudgetSubject, string FundType, [property: MoneyText] decimal Amount, string? PayCode, int RuleVersion);
}
