namespace NonTax.EBills.Keys;

/// <summary>A signing key the configuration does not provide.</summary>
public sealed class EBillKeyMissingException(string message) : Exception(message);
