namespace NonTax.Silo.Operations.EBills;

/// <summary>One notice of a batch exchange: its result code, why, and the bill when it has one.</summary>
public sealed record EBillBatchLine(string PayCode, string Code, string Message, string? Bill, bool Repeated);
