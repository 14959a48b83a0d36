namespace NonTax.Grains.Abstractions.BaseData;

/// <summary>What happened to one row of an import.</summary>
/// <param name="Outcome">"applied" (created, changed or already equal), "skipped" (present, only-absent mode) or "refused".</param>
public sealed record ImportRowResult(string Entity, string Key, string Outcome, string? ResultCode = null, string? Message = null);
