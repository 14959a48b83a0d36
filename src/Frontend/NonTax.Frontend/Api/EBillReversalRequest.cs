namespace NonTax.Frontend.Api;

/// <summary>Reverse a notice's e-bill (冲红); the reason is required.</summary>
public sealed record EBillReversalRequest(string? Reason);
