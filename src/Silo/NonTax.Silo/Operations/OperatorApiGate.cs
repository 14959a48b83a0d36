using System.Security.Cryptography;
using System.Text;
using NonTax.Infrastructure.MachineTokens;

namespace NonTax.Silo.Operations;

/// <summary>
/// Guards every <c>/ops</c> and <c>/dashboard</c> request. A caller presents a named machine token
/// (docs/operations.md "Machine tokens") holding <c>ops.read</c> for GET/HEAD and <c>ops.write</c>
/// for every other method: unknown, expired or revoked → 401, lacking the right → 403. The token's
/// name is then the acting operator (<see cref="OperatorName"/>) and sits in the request's log scope.
/// <c>Operations:ApiToken</c> is only a break-glass for when the database or the web app cannot
/// mint one: optional, every use logged as a warning. With neither a token store nor a break-glass
/// token the API answers 503 "operator API disabled". Scripts send the secret as a bearer token; a
/// browser opening the dashboard is asked for it through HTTP Basic (any user name, the secret as
/// password), since a browser cannot add a bearer header by itself. Runs as middleware, before
/// model binding, so a refused request touches no grain or table.
/// </summary>
public sealed class OperatorApiGate(RequestDelegate next, IConfiguration configuration, ILogger<OperatorApiGate> logger)
{
    public const string TokenSetting = "Operations:ApiToken";

    /// <summary>HttpContext.Items key of the machine token a request was let in with.</summary>
    public const string TokenItem = "nontax:operator_token";

    public async Task InvokeAsync(HttpContext context)
    {
        var breakGlass = configuration[TokenSetting];
        var tokens = context.RequestServices.GetService<OperatorTokenCache>();
        if (string.IsNullOrEmpty(breakGlass) && tokens is null)
        {
            await Results.Problem("operator API disabled", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            return;
        }

        var presented = PresentedToken(context.Request.Headers.Authorization.ToString());
        if (tokens is not null && MachineTokenSecret.IsWellFormed(presented))
        {
            var token = await tokens.FindAsync(presented!, context.RequestAborted);
            if (token is not null && token.IsUsableAt((context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow()))
            {
                var needed = MachineTokenRights.NeededFor(context.Request.Method);
                if (!token.Holds(needed))
                {
                    logger.LogWarning("Machine token {TokenName} lacks {Permission} for {Method} {Path}", token.Name, needed, context.Request.Method, context.Request.Path);
                    await Results.Problem($"machine token {token.Name} lacks {needed}", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                    return;
                }

                context.Items[TokenItem] = token;
                using (logger.BeginScope(new Dictionary<string, object> { ["OperatorToken"] = token.Name }))
                {
                    await next(context);
                }

                return;
            }
        }
        else if (!string.IsNullOrEmpty(breakGlass) && Matches(presented, breakGlass))
        {
            logger.LogWarning("Break-glass operator token ({Setting}) used for {Method} {Path} by {Operator}; mint a machine token instead",
                TokenSetting, context.Request.Method, context.Request.Path, OperatorName.Of(context));
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = context.Request.Path.StartsWithSegments(OperatorApi.DashboardPrefix)
            ? "Basic realm=\"NonTax operations\", charset=\"UTF-8\""
            : "Bearer";
        await Results.Problem("operator API token missing, wrong, expired or revoked", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }

    /// <summary>Compares hashes in constant time, so neither content nor length leaks through timing.</summary>
    private static bool Matches(string? presented, string expected) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

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
