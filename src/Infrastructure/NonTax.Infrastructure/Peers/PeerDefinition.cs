using NonTax.Protocol.Nodes;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// A peer as an operator or the sandbox file describes it, token in clear. Used to add a peer or
/// to change one at run time; the registry encrypts the token before it touches the database.
/// </summary>
public sealed record PeerDefinition
{
    public required string NodeCode { get; init; }
    public required string Name { get; init; }
    public required string Token { get; init; }
    public string? EndpointHost { get; init; }
    public int? EndpointPort { get; init; }
    public IReadOnlyList<string> AllowedNetworks { get; init; } = [];
    public IReadOnlyList<string> ActingUnits { get; init; } = [];

    /// <summary>Checks what the database cannot: a node code a peer may have, a usable token, parsable networks.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var kind = Protocol.Nodes.NodeCode.KindOf(NodeCode);
        if (kind is null or NodeKind.Finance)
        {
            errors.Add($"node code '{NodeCode}' is not a bank (D/Q+10 digits), platform (G000001) or unit platform (K+10 digits) code");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("name must not be empty");
        }

        if (!IsUsableToken(Token))
        {
            errors.Add("token must be 32 printable ASCII characters");
        }

        if ((EndpointHost is null) != (EndpointPort is null))
        {
            errors.Add("endpoint needs both host and port");
        }

        if (EndpointPort is < 1 or > 65535)
        {
            errors.Add("endpoint port must be 1–65535");
        }

        errors.AddRange(AllowedNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => $"'{n}' is not a network in CIDR form"));
        if (ActingUnits.Count > 0 && kind != NodeKind.UnitPlatform)
        {
            errors.Add("only a unit platform (K node) acts for collecting units");
        }

        return errors;
    }

    /// <summary>A communication token is 32 printable ASCII characters (what 2003 can carry).</summary>
    public static bool IsUsableToken(string token) => token.Length == 32 && token.All(c => c is >= (char)0x21 and <= (char)0x7E);
}
