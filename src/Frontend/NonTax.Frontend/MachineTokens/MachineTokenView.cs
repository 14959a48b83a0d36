using NonTax.Infrastructure.MachineTokens;

namespace NonTax.Frontend.MachineTokens;

/// <summary>A machine token as lists show it: never its secret or hash, only its prefix.</summary>
public sealed record MachineTokenView(
    string Name, string Purpose, string Prefix, IReadOnlyList<string> Permissions, string? UnitCode, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, string? RevokedBy, DateTimeOffset? RevokedAt, string State)
{
    public static MachineTokenView Of(MachineToken token, DateTimeOffset now) => new(
        token.Name, token.Purpose, token.Prefix, token.Permissions, token.UnitCode, token.CreatedBy, token.CreatedAt, token.ExpiresAt,
        token.LastUsedAt, token.RevokedBy, token.RevokedAt, token.StateAt(now));
}
