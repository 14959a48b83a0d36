namespace NonTax.Frontend.EBills;

/// <summary>What became of one notice in an exchange (换开) or reversal (冲红) — the per-notice line of a batch report.</summary>
public static class EBillExchangeStatus
{
    /// <summary>A new e-bill was issued.</summary>
    public const string Exchanged = "exchanged";

    /// <summary>The notice already had its e-bill; nothing new was made.</summary>
    public const string AlreadyExchanged = "already-exchanged";

    /// <summary>The notice is not paid (unpaid, void).</summary>
    public const string NotPaid = "not-paid";

    /// <summary>The unit has no unused number of the bill code left.</summary>
    public const string NoStock = "no-stock";

    /// <summary>No such notice, or one outside the user's organisation (the two are not told apart).</summary>
    public const string Unknown = "unknown";

    /// <summary>A red-letter bill (冲红) now reverses the notice's e-bill.</summary>
    public const string Reversed = "reversed";

    /// <summary>The e-bill was already reversed; nothing new was made.</summary>
    public const string AlreadyReversed = "already-reversed";

    /// <summary>Refused for another reason (given in the line's message).</summary>
    public const string Refused = "refused";
}
