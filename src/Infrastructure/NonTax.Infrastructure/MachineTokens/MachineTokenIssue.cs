namespace NonTax.Infrastructure.MachineTokens;

/// <summary>
/// The result of minting: the token and its secret (shown once, never stored), or the reason it
/// was refused (then nothing was written).
/// </summary>
public sealed record MachineTokenIssue(MachineToken? Token, string? Secret, string? Error)
{
    public bool Succeeded => Token is not null;

    public static MachineTokenIssue Refused(string error) => new(null, null, error);
}
