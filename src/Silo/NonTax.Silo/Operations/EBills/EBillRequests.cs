namespace NonTax.Silo.Operations.EBills;

/// <summary>Exchange one paid notice; the bill code defaults to <c>EBills:DefaultBillCode</c>.</summary>
public sealed record EBillExchangeRequest(string? PayCode, string? BillCode);

/// <summary>Exchange many paid notices (at most <see cref="EBillEndpoints.MaxBatch"/>), each on its own.</summary>
public sealed record EBillBatchRequest(IReadOnlyList<string>? PayCodes, string? BillCode);

/// <summary>Reverse a notice's bill with a red-letter bill, saying why.</summary>
public sealed record EBillReversalRequest(string? Reason);
