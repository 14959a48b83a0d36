namespace NonTax.Infrastructure.Alerts;

/// <summary>One alert as staff see it.</summary>
public sealed record AlertView(
    string AlertId, string Kind, string Subject, string What, string? Why, string Severity, DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ClosedAt, string? ClosedBy, string? CloseNote,
    DateTimeOffset? SmsPlannedAt);
