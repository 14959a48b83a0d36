namespace NonTax.Frontend.Api;

/// <summary>Body of <c>POST /api/notices/{payCode}/refunds</c>. A unit's user may leave <c>UnitCode</c> out (their own unit).</summary>
public sealed record RefundApplicationRequest(string? ApplicationNo, string? UnitCode, decimal? Amount, string? Reason);
