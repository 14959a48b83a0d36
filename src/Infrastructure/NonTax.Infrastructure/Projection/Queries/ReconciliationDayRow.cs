namespace NonTax.Infrastructure.Projection.Queries;

/// <summary>One row of <c>reconciliation_days</c>.</summary>
public sealed record ReconciliationDayRow(
    string BankNode,
    DateOnly BusinessDay,
    string Status,
    int FilesCompared,
    int OpenDifferences,
    int ResolvedDifferences,
    bool FileMissingAlerted,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt);
