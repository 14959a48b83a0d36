namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>One SMS of an alert to one recipient, as the outbox holds it.</summary>
/// <param name="Attempts">Attempts made before this one.</param>
/// <param name="AlertOpen">False once staff acknowledged or closed the alert.</param>
[GenerateSerializer, Immutable]
public sealed record SmsMessage(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string Phone,
    [property: Id(2)] string Recipient,
    [property: Id(3)] string Role,
    [property: Id(4)] string Body,
    [property: Id(5)] int Attempts = 0,
    [property: Id(6)] bool AlertOpen = true)
{
    /// <summary>"{alertId}|{phone}", stable: sent to the gateway as its client message id so it can drop a repeat.</summary>
    public string Key => $"{AlertId}|{Phone}";
}
