namespace NonTax.EBills.Document;

/// <summary>One item line (项目明细) of the bill: Details/Item.</summary>
public sealed record EInvoiceItem(string Code, string Name, decimal Amount, string? Unit = null, decimal? Quantity = null, string? Standard = null);
