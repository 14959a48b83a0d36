namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>Where a business refund (业务性退付) stands: applied → approved → completed / failed, or applied → rejected.</summary>
public enum BusinessRefundStatus
{
    /// <summary>The unit applied; the amount is reserved against what was paid until finance decides.</summary>
    Applied = 0,

    /// <summary>Finance approved; the 5617 is queued (or to be queued) to the refund-reserve bank.</summary>
    Approved = 1,

    /// <summary>Finance rejected; the amount is free again.</summary>
    Rejected = 2,

    /// <summary>The bank answered 2617 with 00000.</summary>
    Completed = 3,

    /// <summary>The bank answered 2617 with an error; the amount is free again and staff must act.</summary>
    Failed = 4,
}
