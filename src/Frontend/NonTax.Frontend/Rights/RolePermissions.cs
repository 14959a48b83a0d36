using System.Security.Claims;
using NonTax.Frontend.Accounts;

namespace NonTax.Frontend.Rights;

/// <summary>Which rights each role carries, and whether a signed-in user holds a right.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, HashSet<string>> ByRole = new(StringComparer.Ordinal)
    {
        [WebRoles.FinanceAdministrator] = [Permission.UsersManage, Permission.NoticesView, Permission.WallView, Permission.PeersView, Permission.PeersPropose, Permission.PeersApprove],
        [WebRoles.FinanceOperator] = [Permission.NoticesView, Permission.NoticesIssue, Permission.NoticesImport, Permission.NoticesVoid, Permission.WallView, Permission.PeersView, Permission.PeersPropose],
        [WebRoles.Auditor] = [Permission.AuditView, Permission.NoticesView, Permission.PeersView],
        [WebRoles.UnitBillingClerk] = [Permission.NoticesView, Permission.NoticesIssue, Permission.NoticesImport],
        [WebRoles.UnitSupervisor] = [Permission.NoticesView, Permission.NoticesIssue, Permission.NoticesImport, Permission.NoticesVoid],
        [WebRoles.Operations] = [Permission.WallView, Permission.OpsDashboard, Permission.PeersView],
    };

    public static IReadOnlySet<string> Of(string role) =>
        ByRole.TryGetValue(role, out var set) ? set : new HashSet<string>();

    /// <summary>
    /// A right holds when a role or the user's own grant gives it and no deny of the user withdraws
    /// it; a user who must still change their password holds none.
    /// </summary>
    public static bool Holds(ClaimsPrincipal user, string permission)
    {
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(WebClaims.MustChangePassword, "true"))
        {
            return false;
        }

        if (user.HasClaim(Permission.DenyClaim, permission))
        {
            return false;
        }

        return user.HasClaim(Permission.GrantClaim, permission)
            || user.FindAll(ClaimTypes.Role).Any(r => Of(r.Value).Contains(permission));
    }
}
