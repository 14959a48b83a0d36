using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Rights;
using NonTax.Infrastructure.MachineTokens;

namespace NonTax.Frontend.MachineTokens;

/// <summary>
/// Signs in a program by its machine token: <c>Authorization: Bearer ntm_…</c> and nothing else
/// (never a cookie or a query string, where a secret would end up in logs and browser history).
/// The principal is the token itself (<c>token:&lt;name&gt;</c>) with exactly its permissions as
/// grant claims and its unit as a unit user's, so <see cref="RolePermissions"/> and
/// <see cref="UserScope"/> treat it like a user who holds those rights and nothing more.
/// Unknown, expired and revoked tokens fail (401); the lookup reads PostgreSQL on every call,
/// so a revoke takes effect on the next request. Only the JSON API (<c>/api</c>) takes a token.
/// </summary>
public sealed class MachineTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    MachineTokenStore store, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        // Pages and their forms are made for a person (sign-in, password, antiforgery); a program
        // uses the JSON API.
        if (!Request.Path.StartsWithSegments("/api"))
        {
            return AuthenticateResult.Fail("machine tokens are accepted on /api only");
        }

        var token = await store.FindBySecretAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("unknown machine token");
        }

        var now = clock.GetUtcNow();
        if (!token.IsUsableAt(now))
        {
            Context.Items[MachineTokenSchemes.RefusedTokenItem] = token;
            return AuthenticateResult.Fail($"machine token {token.Name} is {token.StateAt(now)}");
        }

        await store.TouchAsync(token.Id, Context.RequestAborted);
        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, token.Actor));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, token.Actor));
        identity.AddClaim(new Claim(WebClaims.MachineToken, token.Name));
        identity.AddClaim(new Claim(WebClaims.TokenCreator, token.CreatedBy));
        identity.AddClaim(new Claim(WebClaims.DisplayName, token.Actor));
        identity.AddClaim(new Claim(WebClaims.OrganisationLevel,
            ((int)(token.UnitCode is null ? OrganisationLevel.Bureau : OrganisationLevel.Unit)).ToString(CultureInfo.InvariantCulture)));
        if (token.UnitCode is { } unit)
        {
            identity.AddClaim(new Claim(WebClaims.UnitCode, unit));
        }

        foreach (var permission in token.Permissions)
        {
            identity.AddClaim(new Claim(Permission.GrantClaim, permission));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
