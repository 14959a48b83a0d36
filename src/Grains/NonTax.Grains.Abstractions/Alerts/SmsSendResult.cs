namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>What the SMS gateway said: accepted (with its reference), or why not.</summary>
[GenerateSerializer, Immutable]
public sealed record SmsSendResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? Reference = null,
    [property: Id(2)] string? Error = null)
{
    public static SmsSendResult Ok(string? reference) => new(true, reference);

    public static SmsSendResult Failed(string error) => new(false, Error: error);
}
