namespace NonTax.Frontend.Api;

/// <summary>Body of <c>POST /api/notices</c>: one notice of one unit with a single item line.</summary>
public sealed record NoticeIssueRequest(
    string UnitCode,
    string PayerName,
    string ItemCode,
    decimal Amount,
    decimal Quantity = 1,
    int PayerType = 1,
    string? PayerCreditCode = null,
    string? PayerMobile = null,
    string? Memo = null);
