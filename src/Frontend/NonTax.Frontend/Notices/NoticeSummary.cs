namespace NonTax.Frontend.Notices;

/// <summary>One row of a notice search, read from the relational projection.</summary>
public sealed record NoticeSummary(
    string PayCode,
    string UnitCode,
    DateOnly IssueDate,
    DateOnly LastPayableDate,
    string PayerName,
    decimal Amount,
    string Status,
    string? PaidBank,
    DateOnly? PaidDate);
