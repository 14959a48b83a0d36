namespace NonTax.Grains.Abstractions.Notices;

/// <summary>Answer to a query (2601/8997): the notice as of a CST date, or a refusal code.</summary>
[GenerateSerializer, Immutable]
public sealed record NoticeQuote(
    [property: Id(0)] string ResultCode,
    [property: Id(1)] NoticeAsOf? Notice = null);
