using System.Net;
using NonTax.Protocol.Nodes;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// A registered peer as the edge and the outbound links need it, with tokens already decrypted.
/// Never log this object: it holds secrets (its <see cref="ToString"/> hides them).
/// </summary>
public sealed record Peer(
    string NodeCode,
    NodeKind Kind,
    string Name,
    string Token,
    string? PreviousToken,
    DateTimeOffset? PreviousTokenExpiresAt,
    DnsEndPoint? Endpoint,
    IReadOnlyList<IPNetwork> AllowedNetworks,
    IReadOnlyList<string> ActingUnits,
    bool Enabled,
    int Version)
{
    /// <summary>Tokens a MAC may be made with at <paramref name="now"/>: the current one, and the previous one during its grace period.</summary>
    public IEnumerable<string> TokensValidAt(DateTimeOffset now)
    {
        yield return Token;
        if (PreviousToken is not null && PreviousTokenExpiresAt > now)
        {
            yield return PreviousToken;
        }
    }

    /// <summary>An empty allow-list admits any address (sandbox); otherwise the address must fall in one of the networks.</summary>
    public bool AllowsAddress(IPAddress address)
    {
        if (AllowedNetworks.Count == 0)
        {
            return true;
        }

        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return AllowedNetworks.Any(network => network.Contains(normalized));
    }

    /// <summary>Whether this unit platform may act for the given collecting unit.</summary>
    public bool MayActFor(string unitCode) => ActingUnits.Contains(unitCode, StringComparer.Ordinal);

    public override string ToString() => $"Peer {{ NodeCode = {NodeCode}, Kind = {Kind}, Name = {Name}, Version = {Version} }}";
}
