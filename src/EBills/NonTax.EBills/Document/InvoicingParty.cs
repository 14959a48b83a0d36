namespace NonTax.EBills.Document;

/// <summary>The issuing unit (开票单位) as the bill face names it: InvoicingParty.</summary>
public sealed record InvoicingParty(string Code, string Name, string? RecName = null, string? RecAcct = null, string? RecOpBk = null);
