namespace NonTax.Grains.Abstractions.Alerts;

/// <summary>An alert whose SMS recipients have not been chosen yet.</summary>
/// <param name="IsOpen">False once staff acknowledged or closed it: nobody needs waking any more.</param>
[GenerateSerializer, Immutable]
public sealed record OpenAlert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Subject,
    [property: Id(3)] string What,
    [property: Id(4)] string? Why,
    [property: Id(5)] AlertSeverity Severity,
    [property: Id(6)] DateTimeOffset RaisedAt,
    [property: Id(7)] bool IsOpen);
