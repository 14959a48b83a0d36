using NonTax.EBills.Document;

namespace NonTax.EBills.Signing;

/// <summary>What checking an e-bill file found: each signature's verdict and why a check failed.</summary>
public sealed record EBillVerification(EInvoiceContent? Content, bool UnitSignatureValid, bool FinanceSignatureValid, IReadOnlyList<string> Problems)
{
    /// <summary>Both signatures verify and the content follows the format.</summary>
    public bool IsValid => Content is not null && UnitSignatureValid && FinanceSignatureValid && Problems.Count == 0;
}
