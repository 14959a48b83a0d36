namespace NonTax.Silo.Operations;

/// <summary>Body of <c>POST /ops/base-data/publish</c>; both fields are optional.</summary>
/// <param name="Reason">Why the push is made, kept in the journal.</param>
/// <param name="Operator">Who asked for it.</param>
public sealed record PublishBaseDataRequest(string? Reason, string? Operator);
