namespace NonTax.Grains.Abstractions.Notices;

/// <summary>Where a direct debit (划缴) of a notice stands.</summary>
public enum DirectDebitStatus
{
    /// <summary>The 5604 is queued (or to be queued) to the bank; its 2607 has not come.</summary>
    Requested = 0,

    /// <summary>The bank debited (2607 00000); the notice took it as a confirmation from that bank.</summary>
    Debited = 1,

    /// <summary>The bank could not debit (2607 with its code); nothing was taken.</summary>
    Failed = 2,
}
