namespace NonTax.Frontend.Api;

/// <summary>Exchange one paid notice; the bill code defaults to EBills:DefaultBillCode.</summary>
public sealed record EBillExchangeRequest(string? BillCode);
