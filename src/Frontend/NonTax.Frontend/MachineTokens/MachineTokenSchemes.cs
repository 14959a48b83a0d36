namespace NonTax.Frontend.MachineTokens;

/// <summary>
/// Authentication scheme names: <see cref="Bearer"/> for machine tokens, and <see cref="Selector"/>,
/// the default, which sends a request with <c>Authorization: Bearer</c> to the token scheme and
/// every other to the Identity cookie.
/// </summary>
public static class MachineTokenSchemes
{
    public const string Bearer = "MachineToken";
    public const string Selector = "NonTax";

    /// <summary>HttpContext.Items key of the token a refused bearer call presented, when it was a known one.</summary>
    public const string RefusedTokenItem = "nontax:refused_machine_token";

    public static bool IsBearerRequest(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
