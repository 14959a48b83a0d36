namespace NonTax.Infrastructure.Projection.Queries.Bills;

/// <summary>One taken number: its status (taken, used, voided), the notice whose e-bill used it, void and return.</summary>
public sealed record BillNumberRow(string BillCode, long Number, string UnitCode, string Medium, string Status, DateTimeOffset TakenAt,
    string? PayCode, DateTimeOffset? VoidedAt, string? VoidReason, DateTimeOffset? ReturnedAt);
