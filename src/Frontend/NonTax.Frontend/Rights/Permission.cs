namespace NonTax.Frontend.Rights;

/// <summary>
/// A right down to page and button (菜单、页面、按钮权限). Each is an authorisation policy of the
/// same name; roles grant sets of them (<see cref="RolePermissions"/>) and a user's own claims
/// add or withdraw single ones.
/// </summary>
public static class Permission
{
    public const string NoticesView = "notices.view";
    public const string NoticesIssue = "notices.issue";
    public const string NoticesImport = "notices.import";
    public const string NoticesVoid = "notices.void";
    public const string UsersManage = "users.manage";
    public const string AuditView = "audit.view";
    public const string WallView = "wall.view";
    public const string OpsDashboard = "ops.dashboard";

    /// <summary>See the peers (banks, platforms, unit platforms) and their token changes; never a token.</summary>
    public const string PeersView = "peers.view";

    /// <summary>Propose a peer's new token (the maker of maker-checker).</summary>
    public const string PeersPropose = "peers.propose";

    /// <summary>Approve or reject another user's proposed token (the checker).</summary>
    public const string PeersApprove = "peers.approve";

    /// <summary>See refunds (a unit's user: the unit's own).</summary>
    public const string RefundsView = "refunds.view";

    /// <summary>Apply for a business refund of a paid notice (a unit's work).</summary>
    public const string RefundsApply = "refunds.apply";

    /// <summary>Approve or reject an applied refund (finance's work).</summary>
    public const string RefundsApprove = "refunds.approve";

    /// <summary>See reconciliation by bank and day and its differences.</summary>
    public const string ReconciliationView = "reconciliation.view";

    /// <summary>Resolve a reconciliation difference.</summary>
    public const string ReconciliationResolve = "reconciliation.resolve";

    /// <summary>See alerts.</summary>
    public const string AlertsView = "alerts.view";

    /// <summary>Acknowledge and close alerts.</summary>
    public const string AlertsHandle = "alerts.handle";

    /// <summary>See clearing status by bank and day.</summary>
    public const string ClearingView = "clearing.view";

    /// <summary>See bill stock and movements (a unit's user: the unit's own).</summary>
    public const string BillsView = "bills.view";

    /// <summary>Exchange paid notices for e-bills (换开电子票据), one or a batch (a unit's user: the unit's own).</summary>
    public const string EBillsExchange = "ebills.exchange";

    /// <summary>Reverse an issued e-bill with a red-letter bill (冲红), once.</summary>
    public const string EBillsReverse = "ebills.reverse";

    /// <summary>Run and export the statistics reports (a unit's user: the unit's own).</summary>
    public const string ReportsView = "reports.view";

    /// <summary>See cluster, edge and database health on one page.</summary>
    public const string OpsHealth = "ops.health";

    /// <summary>Mint, list and revoke machine tokens (机器令牌) for automation.</summary>
    public const string MachineTokensManage = "machinetokens.manage";

    /// <summary>Read the silo's operator API (<c>/ops</c> GET); meaningful only on a machine token.</summary>
    public const string OpsRead = NonTax.Infrastructure.MachineTokens.MachineTokenRights.OpsRead;

    /// <summary>Change through the silo's operator API (<c>/ops</c> other methods); meaningful only on a machine token.</summary>
    public const string OpsWrite = NonTax.Infrastructure.MachineTokens.MachineTokenRights.OpsWrite;

    public static IReadOnlyList<string> All { get; } =
        [NoticesView, NoticesIssue, NoticesImport, NoticesVoid, UsersManage, AuditView, WallView, OpsDashboard, PeersView, PeersPropose, PeersApprove,
            RefundsView, RefundsApply, RefundsApprove, ReconciliationView, ReconciliationResolve, AlertsView, AlertsHandle, ClearingView, BillsView, EBillsExchange, EBillsReverse, ReportsView, OpsHealth,
            MachineTokensManage, OpsRead, OpsWrite];

    /// <summary>
    /// Rights a machine token may carry: all but managing people and tokens, so a leaked token can
    /// neither create accounts nor mint the next token for itself.
    /// </summary>
    public static IReadOnlyList<string> ForMachineTokens { get; } = [.. All.Where(p => p is not (UsersManage or MachineTokensManage))];

    /// <summary>Claim type of a right given to one user beyond their roles.</summary>
    public const string GrantClaim = "nontax:grant";

    /// <summary>Claim type of a right withdrawn from one user although a role gives it.</summary>
    public const string DenyClaim = "nontax:deny";
}
