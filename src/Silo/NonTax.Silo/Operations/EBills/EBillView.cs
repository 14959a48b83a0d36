namespace NonTax.Silo.Operations.EBills;

/// <summary>An issued bill for staff: what it is, and whether both its signatures verify now.</summary>
public sealed record EBillView(
    string Bill,
    string PayCode,
    string UnitCode,
    bool RedLetter,
    string? Reverses,
    string CheckCode,
    decimal TotalAmount,
    string PayerName,
    DateTimeOffset IssuedAt,
    bool Valid,
    bool UnitSignatureValid,
    bool FinanceSignatureValid,
    IReadOnlyList<string> Problems);
