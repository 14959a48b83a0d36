namespace NonTax.EBills.Document;

/// <summary>The payer (交款人) as the bill face names it: PayerParty.</summary>
public sealed record PayerParty(PayerPartyType Type, string Name, string? Code = null, string? Acct = null, string? OpBk = null);
