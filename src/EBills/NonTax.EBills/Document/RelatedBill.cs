namespace NonTax.EBills.Document;

/// <summary>The blue bill a red-letter bill (红字票据) reverses: MainExt's RelatedInvoiceCode/Number.</summary>
public sealed record RelatedBill(string Code, string Number);
