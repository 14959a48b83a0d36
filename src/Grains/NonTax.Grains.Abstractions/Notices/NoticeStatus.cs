namespace NonTax.Grains.Abstractions.Notices;

/// <summary>Stored status of a notice; the numbers are the wire PayStats. Expiry is derived from dates, not stored.</summary>
public enum NoticeStatus
{
    /// <summary>未缴款</summary>
    Unpaid = 0,
    /// <summary>已缴款</summary>
    Paid = 1,
    /// <summary>作废</summary>
    Void = 2,
}
