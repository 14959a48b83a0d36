namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>How staff settled a difference (kept with who, when and a note).</summary>
public static class DifferenceResolution
{
    /// <summary>The bank's record is wrong; the bank corrects it on its side.</summary>
    public const string BankError = "bank-error";

    /// <summary>The system's record is wrong and was corrected (e.g. a confirmation recorded by hand).</summary>
    public const string FinanceError = "finance-error";

    /// <summary>Both sides are right (e.g. a payment across midnight counted on two days).</summary>
    public const string Explained = "explained";

    /// <summary>Accepted as it is by the responsible officer.</summary>
    public const string Accepted = "accepted";

    public static IReadOnlyList<string> All { get; } = [BankError, FinanceError, Explained, Accepted];
}
