namespace NonTax.Frontend.Api;

/// <summary>Body of <c>POST /api/peers/{node}/token-changes</c>: the token agreed with the peer and how many hours the old one stays valid (default 24).</summary>
public sealed record PeerTokenProposalRequest(string? Token, double? GraceHours);
