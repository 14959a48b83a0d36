namespace NonTax.Frontend.Audit;

/// <summary>One line of the operation log (操作日志): who did what to what, when, from where, and how it ended.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Target,
    string Outcome,
    string? Detail,
    string? ClientAddress);
