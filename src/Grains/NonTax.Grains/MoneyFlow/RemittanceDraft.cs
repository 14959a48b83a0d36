using NonTax.Grains.Abstractions.MoneyFlow;

namespace NonTax.Grains.MoneyFlow;

/// <summary>A 5618 computed but not yet numbered: money of one budget level in <see cref="PayAcct"/> going to its treasury.</summary>
public sealed record RemittanceDraft(string PayAcct, int BudgetLevel, string TreCode, string TreName, decimal Amount, IReadOnlyList<RemittanceLine> Lines);
