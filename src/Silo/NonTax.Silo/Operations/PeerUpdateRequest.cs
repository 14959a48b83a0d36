using NonTax.Infrastructure.Peers;

namespace NonTax.Silo.Operations;

/// <summary>Body of <c>POST /ops/peers/{node}</c>: the version the operator edited and the changes.</summary>
public sealed record PeerUpdateRequest(int? ExpectedVersion, PeerChanges? Changes);
