namespace NonTax.BankSimulator.Load;

/// <summary>A 2612 the finance node answered 00000 or 10006: what the ledger must now hold.</summary>
public sealed record Acknowledgement(string PayCode, string Bank, string TraNoBus, string Result);
