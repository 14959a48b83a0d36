namespace NonTax.Grains.Abstractions.Units;

/// <summary>A notice tells its unit it was paid or voided (idempotent on PayCode).</summary>
[GenerateSerializer, Immutable]
public sealed record NoticeSettlement(
    [property: Id(0)] string PayCode,
    [property: Id(1)] Notices.NoticeStatus Status,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] decimal Amount);
