namespace NonTax.BankSimulator.Load;

/// <summary>A stored confirmation as the ledger tables hold it.</summary>
public sealed record StoredConfirmation(string PayCode, string Src, string TraNoBus, string Outcome);

/// <summary>A stored technical refund: the duplicate confirmation it pays back.</summary>
public sealed record StoredRefund(string PayCode, string Bank, string OriTraNoBus);
