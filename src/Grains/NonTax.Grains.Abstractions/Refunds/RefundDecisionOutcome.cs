namespace NonTax.Grains.Abstractions.Refunds;

/// <summary>How the notice answered a refund application, approval or rejection.</summary>
public enum RefundDecisionOutcome
{
    /// <summary>Done (or already done: the same step again changes nothing).</summary>
    Accepted = 0,

    /// <summary>No notice has this payment code.</summary>
    UnknownNotice = 1,

    /// <summary>Only a paid notice can be refunded.</summary>
    NotPaid = 2,

    /// <summary>The applying unit is not the notice's unit.</summary>
    WrongUnit = 3,

    /// <summary>A field is missing or malformed (amount, reason, application number, operator).</summary>
    Invalid = 4,

    /// <summary>The amount is more than was paid less what is already refunded or reserved.</summary>
    ExceedsRefundable = 5,

    /// <summary>The notice already holds its maximum number of business refunds.</summary>
    TooManyRefunds = 6,

    /// <summary>The application number was used for a different amount or reason.</summary>
    ApplicationNoReused = 7,

    /// <summary>No business refund of this notice has this number.</summary>
    UnknownRefund = 8,

    /// <summary>The refund was already decided the other way (or is past deciding).</summary>
    AlreadyDecided = 9,

    /// <summary>No refund-reserve bank is configured, so nothing can be approved.</summary>
    NoReserveBank = 10,
}
