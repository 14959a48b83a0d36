namespace NonTax.Frontend.Api;

/// <summary>Body of <c>POST /api/refunds/{refundNo}/approve</c> (note optional) and <c>…/reject</c> (reason required).</summary>
public sealed record RefundDecisionRequest(string? Note, string? Reason);
