namespace NonTax.Frontend.Api;

/// <summary>Body of a difference's resolution: how (<c>bank-error</c>, <c>finance-error</c>, <c>explained</c>, <c>accepted</c>) and why (required, at most 500 characters).</summary>
public sealed record ResolveDifferenceRequest(string? Resolution, string? Note);
