using Microsoft.AspNetCore.Http;

namespace NonTax.Infrastructure.MachineTokens;

/// <summary>
/// The silo operator API's rights a machine token can carry beside the web app's permissions:
/// reading <c>/ops</c> (GET, HEAD) and changing through it (every other method).
/// </summary>
public static class MachineTokenRights
{
    public const string OpsRead = "ops.read";
    public const string OpsWrite = "ops.write";

    /// <summary>Where the right a request needs comes from: its method.</summary>
    public static string NeededFor(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? OpsRead : OpsWrite;

    /// <summary>The actor name a token acts under in audit columns and maker-checker: its own identity, never its creator's.</summary>
    public static string ActorOf(string tokenName) => ActorPrefix + tokenName;

    public const string ActorPrefix = "token:";
}
