namespace NonTax.Infrastructure.MachineTokens;

/// <summary>What a person asks for when minting a token; checked by <see cref="MachineTokenStore.CreateAsync"/>.</summary>
public sealed record MachineTokenDraft(string? Name, string? Purpose, IReadOnlyList<string>? Permissions, string? UnitCode, int Days, string CreatedBy);
