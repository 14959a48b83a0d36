namespace NonTax.Infrastructure.Alerts;

/// <summary>One SMS of an alert: to whom, where it stands.</summary>
public sealed record AlertSmsView(
    string Phone, string Recipient, string Role, string Body, string Status, int Attempts, DateTimeOffset NextAttemptAt,
    string? LastError, string? Reference, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);
