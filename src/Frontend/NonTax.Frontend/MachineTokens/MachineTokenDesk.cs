using System.Security.Claims;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Rights;
using NonTax.Infrastructure.MachineTokens;

namespace NonTax.Frontend.MachineTokens;

/// <summary>
/// Minting, listing and revoking machine tokens for the page and the API. A person gives a token
/// only rights they hold themself (and never the right to manage people or tokens); a unit user's
/// token reaches only their unit. Each step goes to the operation log, never with the secret.
/// </summary>
public sealed class MachineTokenDesk(MachineTokenStore store, AuditTrail audit, TimeProvider clock)
{
    public const int DefaultDays = 90;

    /// <summary>The rights <paramref name="user"/> may put on a token.</summary>
    public static IReadOnlyList<string> GrantableBy(ClaimsPrincipal user) =>
        [.. Permission.ForMachineTokens.Where(p => RolePermissions.Holds(user, p))];

    public async Task<IReadOnlyList<MachineTokenView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return [.. (await store.ListAsync(cancellationToken)).Select(t => MachineTokenView.Of(t, now))];
    }

    public async Task<MachineTokenIssue> CreateAsync(ClaimsPrincipal user, MachineTokenRequest request, CancellationToken cancellationToken = default)
    {
        var scope = UserScope.Of(user);
        var permissions = request.Permissions?.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var grantable = GrantableBy(user);
        var unit = string.IsNullOrWhiteSpace(request.UnitCode) ? null : request.UnitCode.Trim();
        string? refusal = null;
        if (permissions.FirstOrDefault(p => !grantable.Contains(p)) is { } beyond)
        {
            refusal = $"permission {beyond}: not one you hold yourself, or not for a machine token";
        }
        else if (scope.IsUnitUser && unit != scope.UnitCode)
        {
            refusal = $"unit: your tokens reach only your unit {scope.UnitCode}";
        }

        var draft = new MachineTokenDraft(request.Name, request.Purpose, permissions, unit, request.Days ?? DefaultDays, scope.UserName);
        var issue = refusal is null ? await store.CreateAsync(draft, cancellationToken) : MachineTokenIssue.Refused(refusal);
        await audit.RecordAsync("machine_token.create", request.Name, issue.Succeeded ? AuditTrail.Succeeded : AuditTrail.Refused,
            issue.Token is { } token
                ? $"prefix {token.Prefix}, permissions {string.Join(',', token.Permissions)}, unit {token.UnitCode ?? "-"}, expires {token.ExpiresAt:yyyy-MM-dd}"
                : issue.Error);
        return issue;
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken = default)
    {
        var revoked = await store.RevokeAsync(name, UserScope.Of(user).UserName, cancellationToken);
        await audit.RecordAsync("machine_token.revoke", name, revoked ? AuditTrail.Succeeded : AuditTrail.Refused, revoked ? null : "no such active token");
        return revoked;
    }

    /// <summary>Whether a principal is a machine token (its name is then <c>token:&lt;name&gt;</c>).</summary>
    public static bool IsMachineToken(ClaimsPrincipal user) => user.HasClaim(c => c.Type == WebClaims.MachineToken);
}
