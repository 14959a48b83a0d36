using System.Text.Json.Serialization;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// An operator's edit of a registered peer: every property left null stays as it is. The token is
/// deliberately not here — it changes only through rotation, which keeps the old one for a grace period.
/// </summary>
public sealed record PeerChanges
{
    public string? Name { get; init; }

    /// <summary>Host of the peer's own server (5xxx messages go there); set together with <see cref="EndpointPort"/>.</summary>
    public string? EndpointHost { get; init; }

    public int? EndpointPort { get; init; }

    /// <summary>True to forget the endpoint (the peer receives no outbound messages).</summary>
    public bool RemoveEndpoint { get; init; }

    /// <summary>Networks in CIDR form the peer may connect from; an empty list admits any address.</summary>
    public IReadOnlyList<string>? AllowedNetworks { get; init; }

    /// <summary>Collecting units a unit platform (K node) may act for.</summary>
    public IReadOnlyList<string>? ActingUnits { get; init; }

    /// <summary>A disabled peer's frames are dropped without a reply.</summary>
    public bool? Enabled { get; init; }

    [JsonIgnore]
    public bool IsEmpty =>
        Name is null && EndpointHost is null && EndpointPort is null && !RemoveEndpoint
        && AllowedNetworks is null && ActingUnits is null && Enabled is null;
}
