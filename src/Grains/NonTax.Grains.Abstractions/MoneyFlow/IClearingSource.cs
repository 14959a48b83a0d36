namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// What clearing reads from the relational projection (on a silo: <c>ClearingQueries</c>): the
/// grains keep no per-payment data, so a day's revenue by item and the rule in force come from SQL.
/// </summary>
public interface IClearingSource
{
    /// <summary>The day's reconciliation status (open, matched, differences, resolved), or null when there is none (yet).</summary>
    Task<string?> ReconciliationStatusAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The revenue the bank confirmed on the day, by (account paid into, item).</summary>
    Task<DayRevenue> RevenueAsync(string bankNode, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The approved rule in force for the item on the day, or null.</summary>
    Task<RuleInForce?> RuleOnAsync(string itemCode, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Reconciled days (matched or resolved) from <paramref name="from"/> on that have not been cleared.</summary>
    Task<IReadOnlyList<BankDay>> DaysToClearAsync(DateOnly from, int limit, CancellationToken cancellationToken = default);
}

/// <summary>One (account paid into, item) total of a day.</summary>
public sealed record RevenueRow(string PayeeAcct, string ItemCode, decimal Amount);

/// <summary>A day's revenue by item, and what the confirmations themselves add up to (the rows must agree).</summary>
public sealed record DayRevenue(IReadOnlyList<RevenueRow> Rows, decimal ConfirmedTotal, int Payments);

/// <summary>A rule version in force.</summary>
public sealed record RuleInForce(int Version, ClearingRule Rule);

/// <summary>A bank's business day.</summary>
public sealed record BankDay(string BankNode, DateOnly Day);
