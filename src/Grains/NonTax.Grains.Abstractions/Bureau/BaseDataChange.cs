namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>One logged change of base data: who, when, before and after (JSON; null before = created).</summary>
[GenerateSerializer, Immutable]
public sealed record BaseDataChange(
    [property: Id(0)] int Version,
    [property: Id(1)] string Entity,
    [property: Id(2)] string Key,
    [property: Id(3)] string OperatorName,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? BeforeJson,
    [property: Id(6)] string? AfterJson);
