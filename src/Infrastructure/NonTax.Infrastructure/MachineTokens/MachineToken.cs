namespace NonTax.Infrastructure.MachineTokens;

/// <summary>One row of <c>nontax.machine_tokens</c> without its hash.</summary>
public sealed record MachineToken(
    long Id,
    string Name,
    string Purpose,
    string Prefix,
    IReadOnlyList<string> Permissions,
    string? UnitCode,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? RevokedBy,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public string Actor => MachineTokenRights.ActorOf(Name);

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>active, expired or revoked (the state shown in lists).</summary>
    public string StateAt(DateTimeOffset now) => RevokedAt is not null ? "revoked" : ExpiresAt <= now ? "expired" : "active";

    public bool Holds(string permission) => Permissions.Contains(permission, StringComparer.Ordinal);
}
