using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NonTax.Frontend.Accounts;

/// <summary>Puts the organisation, the display name and the forced-change flag into the sign-in cookie.</summary>
public sealed class WebClaimsPrincipalFactory(
    UserManager<WebUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WebUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WebUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WebClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(WebClaims.OrganisationLevel, ((int)user.OrganisationLevel).ToString(CultureInfo.InvariantCulture)));
        if (user.UnitCode is { Length: > 0 } unit)
        {
            identity.AddClaim(new Claim(WebClaims.UnitCode, unit));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(WebClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
