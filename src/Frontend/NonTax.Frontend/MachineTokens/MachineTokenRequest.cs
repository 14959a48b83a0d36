namespace NonTax.Frontend.MachineTokens;

/// <summary>A new machine token: a unique name, what it is for, its rights, an optional unit, and days until it expires (1–365).</summary>
public sealed record MachineTokenRequest(string? Name, string? Purpose, IReadOnlyList<string>? Permissions, string? UnitCode, int? Days);
