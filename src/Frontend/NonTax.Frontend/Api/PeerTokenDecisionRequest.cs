namespace NonTax.Frontend.Api;

/// <summary>Body of <c>POST /api/peers/token-changes/{id}/reject</c>: why (optional, at most 200 characters kept).</summary>
public sealed record PeerTokenDecisionRequest(string? Note);
