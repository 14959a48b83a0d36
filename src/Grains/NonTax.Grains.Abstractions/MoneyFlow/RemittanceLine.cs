namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>One row of a 5618: an item's amount (and, when direct, the payment it came from) with the rule version it was split by.</summary>
public sealed record RemittanceLine(int LineNo, string ItemCode, string BudgetSubject, string FundType, decimal Amount, string? PayCode, int RuleVersion);
