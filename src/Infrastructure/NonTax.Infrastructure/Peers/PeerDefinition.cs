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
            errors.Add(TokenRule);
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

    /// <summary>Fewest characters a communication token may have.</summary>
    public const int MinTokenLength = 8;

    /// <summary>Most characters a communication token may have.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>The token rule as staff and the seed file's report read it.</summary>
    public const string TokenRule = "token must be 8–64 printable ASCII characters other than space";

    /// <summary>
    /// A communication token agreed with a peer: 8–64 printable ASCII characters other than space.
    /// Tokens in service are not all 32 characters (a bureau's banks bring their existing ones, one
    /// in service has 18); the MAC (SHA-256 over GBK(token) + body) works with any of them. Only a
    /// 2003 change carries exactly 32 (<see cref="Protocol.Security.TokenCipher.IsValidToken"/>).
    /// </summary>
    public static bool IsUsableToken([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token) =>
        token is { Length: >= MinTokenLength and <= MaxTokenLength } && token.All(c => c is >= (char)0x21 and <= (char)0x7E);
}
