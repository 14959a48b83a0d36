namespace NonTax.Silo.Operations;

/// <summary>
/// Body of <c>POST /ops/peers/{node}/token</c>: the new token agreed with the peer (8–64 printable
/// ASCII characters other than space, <see cref="NonTax.Infrastructure.Peers.PeerDefinition.IsUsableToken"/>), optionally the version the operator saw, and how long the old token stays
/// valid (default <c>Operations:TokenRotationGrace</c>).
/// </summary>
public sealed record TokenRotationRequest(string? Token, int? ExpectedVersion, TimeSpan? Grace);
