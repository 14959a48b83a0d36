namespace NonTax.Grains.Abstractions.Notices;

public enum RefundStatus
{
    /// <summary>Recorded; 5617 queued or to be queued to the bank.</summary>
    Pending = 0,
    /// <summary>The bank answered 2617 with 00000.</summary>
    Completed = 1,
    /// <summary>The bank answered 2617 with an error; staff must act.</summary>
    Failed = 2,
}
