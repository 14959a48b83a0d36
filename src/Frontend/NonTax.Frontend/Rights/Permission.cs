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

    public static IReadOnlyList<string> All { get; } =
        [NoticesView, NoticesIssue, NoticesImport, NoticesVoid, UsersManage, AuditView, WallView, OpsDashboard, PeersView, PeersPropose, PeersApprove];

    /// <summary>Claim type of a right given to one user beyond their roles.</summary>
    public const string GrantClaim = "nontax:grant";

    /// <summary>Claim type of a right withdrawn from one user although a role gives it.</summary>
    public const string DenyClaim = "nontax:deny";
}
