namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>
/// clearing.instructed: a bank's reconciled day was cleared into these rows and the 5614 handed to
/// the bank's link (no rows: nothing to clear, no 5614). Each row keeps the rule version it came from.
/// </summary>
public sealed record ClearingInstructed(
    string BankNode,
    DateOnly BusinessDay,
    string ClearNo,
    [property: MoneyText] decimal Amount,
    IReadOnlyList<ClearingInstructed.Line> Lines) : IFact
{
    public static string Kind => "clearing.instructed";

    /// <summary>One row of the 5614.</summary>
    public sealed record Line(
        int LineNo, string PayAcct, string RecAcct, string RecAcctName, string ItemCode, string FundType, int BudgetLevel,
        [property: MoneyText] decimal Amount, int RuleVersion);
}
