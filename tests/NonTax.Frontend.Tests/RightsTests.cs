using System.Security.Claims;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Rights;

namespace NonTax.Frontend.Tests;

/// <summary>The rights model without a server: roles, a user's own grants and denials, the forced change, the password rule.</summary>
public sealed class RightsTests
{
    [Fact]
    public void A_users_own_deny_withdraws_what_a_role_gives_and_a_grant_adds_what_it_does_not()
    {
        var operatorUser = Principal(WebRoles.FinanceOperator);
        Assert.True(RolePermissions.Holds(operatorUser, Permission.NoticesVoid));
        Assert.False(RolePermissions.Holds(operatorUser, Permission.AuditView));

        var restricted = Principal(WebRoles.FinanceOperator, new Claim(Permission.DenyClaim, Permission.NoticesVoid), new Claim(Permission.GrantClaim, Permission.AuditView));
        Assert.False(RolePermissions.Holds(restricted, Permission.NoticesVoid));
        Assert.True(RolePermissions.Holds(restricted, Permission.AuditView));
    }

    [Fact]
    public void A_user_who_must_change_the_password_holds_no_right()
    {
        var user = Principal(WebRoles.FinanceAdministrator, new Claim(WebClaims.MustChangePassword, "true"));
        Assert.All(Permission.All, p => Assert.False(RolePermissions.Holds(user, p)));
    }

    [Fact]
    public void A_unit_user_reaches_only_their_unit_and_one_without_a_unit_reaches_none()
    {
        var unitUser = UserScope.Of(Principal(WebRoles.UnitBillingClerk, new Claim(WebClaims.OrganisationLevel, "1"), new Claim(WebClaims.UnitCode, "0201001")));
        Assert.True(unitUser.Reaches("0201001"));
        Assert.False(unitUser.Reaches("0104901"));
        var broken = UserScope.Of(Principal(WebRoles.UnitBillingClerk, new Claim(WebClaims.OrganisationLevel, "1")));
        Assert.False(broken.Reaches("0201001"));
        var bureau = UserScope.Of(Principal(WebRoles.FinanceOperator, new Claim(WebClaims.OrganisationLevel, "0")));
        Assert.True(bureau.Reaches("0104901"));
    }

    [Fact]
    public void Temporary_passwords_always_keep_the_bureaus_rule()
    {
        for (var i = 0; i < 500; i++)
        {
            var password = TemporaryPassword.New();
            Assert.True(password.Length >= 8);
            Assert.Contains(password, char.IsAsciiLetterUpper);
            Assert.Contains(password, char.IsAsciiLetterLower);
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.Contains(password, c => !char.IsAsciiLetterOrDigit(c));
        }
    }

    private static ClaimsPrincipal Principal(string role, params Claim[] extra) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role), .. extra], "test"));
}
