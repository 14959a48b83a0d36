using System.Security.Cryptography;
using System.Text;

namespace NonTax.Silo.Operations;

/// <summary>
/// Guards every <c>/ops</c> and <c>/dashboard</c> request with the token from <c>Operations:ApiToken</c>
/// (environment <c>Operations__ApiToken</c>): 503 "operator API disabled" while it is unset, 401
/// for a missing or wrong token. Scripts send it as a bearer token; a browser opening the
/// dashboard is asked for it through HTTP Basic (any user name, the token as password), since a
/// browser cannot add a bearer header by itself. Runs as middleware, before model binding, so a
/// refused request touches no grain or table.
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
            context.Response.Headers.WWWAuthenticate = context.Request.Path.StartsWithSegments(OperatorApi.DashboardPrefix)
                ? "Basic realm=\"NonTax operations\", charset=\"UTF-8\""
                : "Bearer";
            await Results.Problem("operator API token missing or wrong", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>Compares hashes in constant time, so neither content nor length leaks through timing.</summary>
    private static bool Matches(string authorization, string expected)
    {
        var presented = PresentedToken(authorization);
        return presented is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private static string? PresentedToken(string authorization)
    {
        const string bearer = "Bearer ";
        const string basic = "Basic ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[bearer.Length..].Trim();
        }

        if (!authorization.StartsWith(basic, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[basic.Length..].Trim()));
            var colon = pair.IndexOf(':');
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
