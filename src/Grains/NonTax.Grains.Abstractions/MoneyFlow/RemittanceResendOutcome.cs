namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// What re-sending a refused remittance did: <see cref="Resent"/> (now, or already before — the
/// same <see cref="ResentAs"/> either way, so a second click sends nothing more), or why nothing
/// was done (<see cref="Refusal"/>: not found, not refused, no free RemitNo).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("bankaccount.remittance-resend-outcome")]
public sealed record RemittanceResendOutcome(
    [property: Id(0)] bool Resent,
    [property: Id(1)] string RemitNo,
    [property: Id(2)] string? ResentAs,
    [property: Id(3)] string? Refusal,
    [property: Id(4)] bool AlreadyResent = false)
{
    public static RemittanceResendOutcome Refused(string remitNo, string why) => new(false, remitNo, null, why);
}
