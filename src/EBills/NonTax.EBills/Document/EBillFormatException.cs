namespace NonTax.EBills.Document;

/// <summary>An e-bill document or its content that does not follow the e-bill format.</summary>
public sealed class EBillFormatException(string message, Exception? inner = null) : Exception(message, inner);
