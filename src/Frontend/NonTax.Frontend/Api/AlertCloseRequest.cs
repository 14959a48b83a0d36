namespace NonTax.Frontend.Api;

/// <summary>Body of <c>POST /api/alerts/{alertId}/close</c>: how the alert was dealt with (1–500 characters).</summary>
public sealed record AlertCloseRequest(string? Note);
