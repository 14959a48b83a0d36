namespace NonTax.Silo.Operations;

/// <summary>Body of <c>POST /ops/notices/{payCode}/refunds</c>: a unit's business refund application.</summary>
public sealed record RefundApplicationRequest(string? ApplicationNo, string? UnitCode, decimal? Amount, string? Reason);

/// <summary>Body of <c>POST /ops/refunds/{refundNo}/approve</c> (the note is optional) and <c>…/reject</c> (the reason is required).</summary>
public sealed record RefundDecisionRequest(string? Note, string? Reason);
