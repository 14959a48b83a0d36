namespace NonTax.Frontend.Audit;

/// <summary>What an auditor searches the log by; every field is optional.</summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Text = null, DateOnly? From = null, DateOnly? To = null, int Limit = 200);
