namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// Reads <c>nontax.pending_handovers</c>: the notices whose stored outbox still holds something a
/// BankLink has not taken. Implemented over SQL on the silo; the sweeper grain pages through it.
/// </summary>
public interface IPendingHandOverSource
{
    /// <summary>
    /// Payment codes whose row is older than <paramref name="grace"/> (by the database's clock),
    /// greater than <paramref name="after"/> in the table's key order, at most <paramref name="limit"/>, in that order.
    /// </summary>
    Task<IReadOnlyList<string>> ReadDueAsync(TimeSpan grace, string? after, int limit, CancellationToken cancellationToken = default);
}
