namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>DiffType of a reconciliation difference, as on the wire (docs/protocol.md, 5555).</summary>
public static class DifferenceType
{
    /// <summary>The bank has the record, the system does not.</summary>
    public const int BankOnly = 1;

    /// <summary>The system has the record, the bank does not.</summary>
    public const int FinanceOnly = 2;

    /// <summary>Both have it; the amounts differ.</summary>
    public const int AmountDiffers = 3;

    /// <summary>Both have it; another field differs (named).</summary>
    public const int OtherFieldDiffers = 4;
}
