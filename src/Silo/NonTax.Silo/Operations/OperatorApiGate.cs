using System.Security.Cryptography;
using System.Text;

namespace NonTax.Silo.Operations;

/// <summary>
/// Guards every <c>/ops</c> request with the bearer token from <c>Operations:ApiToken</c>
/// (environment <c>Operations__ApiToken</c>): 503 "operator API disabled" while it is unset, 401
/// for a missing or wrong token. A stop-gap until staff sign in through the web application.
/// Runs as middleware, before model binding, so a refused request touches no grain or table.
/// </summary>
public sealed class OperatorApiGate(RequestDelegate next, IConfiguration configuration)
{
    public const string TokenSetting = "Operations:ApiToken";

    public async Task InvokeAsync(HttpContext context)
    {
        var expected = configuration[TokenSetting];
        if (string.IsNullOrEmpty(expected))
        {
            await Results.Problem("operator API disabled", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            return;
        }

        if (!Matches(context.Request.Headers.Authorization.ToString(), expected))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem("operator API token missing or wrong", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>Compares hashes in constant time, so neither content nor length leaks through timing.</summary>
    private static bool Matches(string authorization, string expected)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
