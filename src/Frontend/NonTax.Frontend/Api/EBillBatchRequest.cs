namespace NonTax.Frontend.Api;

/// <summary>Exchange many paid notices with one bill code.</summary>
public sealed record EBillBatchRequest(IReadOnlyList<string>? PayCodes, string? BillCode);
