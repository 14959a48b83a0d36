namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>What one dispatch round did.</summary>
/// <param name="AlertsPlanned">New alerts whose recipients were chosen from the roster.</param>
/// <param name="MessagesQueued">Outbox rows those alerts added (one per alert and recipient).</param>
/// <param name="Sent">Messages the gateway accepted.</param>
/// <param name="Retrying">Messages that failed and wait for their next attempt.</param>
/// <param name="Failed">Messages that gave up after the last attempt.</param>
/// <param name="Cancelled">Messages not sent because staff acknowledged or closed the alert first.</param>
[GenerateSerializer, Immutable]
public sealed record AlertDispatchReport(
    [property: Id(0)] int AlertsPlanned,
    [property: Id(1)] int MessagesQueued,
    [property: Id(2)] int Sent,
    [property: Id(3)] int Retrying,
    [property: Id(4)] int Failed,
    [property: Id(5)] int Cancelled);
