using System.Security.Claims;
using NonTax.Frontend.Accounts;

namespace NonTax.Frontend.Rights;

/// <summary>Which rights each role carries, and whether a signed-in user holds a right.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, HashSet<string>> ByRole = new(StringComparer.Ordinal)
    {
        [WebRoles.FinanceAdministrator] = [Permission.UsersManage, Permission.MachineTokensManage, Permission.NoticesView, Permission.WallView, Permission.PeersView, Permission.PeersPropose, Permission.PeersApprove,
            Permission.RefundsView, Permission.RefundsApprove, Permission.ReconciliationView, Permission.AlertsView,
            Permission.ClearingView, Permission.BillsView, Permission.ReportsView],
        [WebRoles.FinanceOperator] = [Permission.NoticesView, Permission.NoticesIssue, Permission.NoticesImport, Permission.NoticesVoid, Permission.WallView, Permission.PeersView, Permission.PeersPropose,
            Permission.RefundsView, Permission.RefundsApprove, Permission.ReconciliationView, Permission.ReconciliationResolve,
            Permission.AlertsView, Permission.AlertsHandle, Permission.ClearingView, Permission.BillsView, Permission.EBillsExchange, Permission.EBillsReverse, Permission.ReportsView],
        [WebRoles.Auditor] = [Permission.AuditView, Permission.NoticesView, Permission.PeersView, Permission.RefundsView, Permission.ReconciliationView, Permission.AlertsView,
            Permission.ClearingView, Permission.BillsView, Permission.ReportsView],
        [WebRoles.UnitBillingClerk] = [Permission.NoticesView, Permission.NoticesIssue, Permission.NoticesImport, Permission.RefundsView, Permission.RefundsApply, Permission.BillsView,
            Permission.EBillsExchange, Permission.EBillsReverse],
        [WebRoles.UnitSupervisor] = [Permission.NoticesView, Permission.NoticesIssue, Permission.NoticesImport, Permission.NoticesVoid, Permission.RefundsView, Permission.RefundsApply, Permission.BillsView,
            Permission.EBillsExchange, Permission.EBillsReverse, Permission.ReportsView],
        [WebRoles.Operations] = [Permission.WallView, Permission.OpsDashboard, Permission.OpsHealth, Permission.PeersView, Permission.AlertsView, Permission.AlertsHandle,
            Permission.MachineTokensManage, Permission.OpsRead, Permission.OpsWrite],
    };

    public static IReadOnlySet<string> Of(string role) =>
        ByRole.TryGetValue(role, out var set) ? set : new HashSet<string>();

    /// <summary>
    /// A right holds when a role or the user's own grant gives it and no deny of the user withdraws
    /// it; a user who must still change their password holds none. A machine token holds exactly
    /// the rights listed on it, never a role's.
    /// </summary>
    public static bool Holds(ClaimsPrincipal user, string permission)
    {
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(WebClaims.MustChangePassword, "true"))
        {
            return false;
        }

        if (user.HasClaim(c => c.Type == WebClaims.MachineToken))
        {
            return Permission.ForMachineTokens.Contains(permission) && user.HasClaim(Permission.GrantClaim, permission);
        }

        if (user.HasClaim(Permission.DenyClaim, permission))
        {
            return false;
        }

        return user.HasClaim(Permission.GrantClaim, permission)
            || user.FindAll(ClaimTypes.Role).Any(r => Of(r.Value).Contains(permission));
    }
}
