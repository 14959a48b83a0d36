namespace NonTax.Protocol.Results;

/// <summary>The five-digit <c>Result</c> values of generic replies and results (spec: Replies and result codes).</summary>
public static class ResultCodes
{
    /// <summary>Success.</summary>
    public const string Success = "00000";

    /// <summary>Payment code unknown.</summary>
    public const string UnknownPayCode = "10001";

    /// <summary>Notice already paid.</summary>
    public const string AlreadyPaid = "10002";

    /// <summary>Notice void.</summary>
    public const string NoticeVoid = "10003";

    /// <summary>Notice expired.</summary>
    public const string NoticeExpired = "10004";

    /// <summary>Amount differs from the notice.</summary>
    public const string AmountMismatch = "10005";

    /// <summary>Duplicate payment accepted; technical refund started.</summary>
    public const string DuplicatePaymentRefunding = "10006";

    /// <summary>Check code (验证码) wrong.</summary>
    public const string WrongCheckCode = "10007";

    /// <summary>Amount outside the item's charging standard.</summary>
    public const string AmountOutsideStandard = "10008";

    /// <summary>Item lines do not add up to the notice amount.</summary>
    public const string ItemLinesMismatch = "10009";

    /// <summary>Payment code already used (8994).</summary>
    public const string PayCodeAlreadyUsed = "10011";

    /// <summary>Unknown collecting unit.</summary>
    public const string UnknownUnit = "18011";

    /// <summary>The unit has no collection right for this item.</summary>
    public const string NoCollectionRight = "18012";

    /// <summary>Unknown income item.</summary>
    public const string UnknownItem = "18013";

    /// <summary>The unit is blocked from issuing (monitoring limit passed).</summary>
    public const string UnitBlocked = "18020";

    /// <summary>Bill stock exhausted.</summary>
    public const string BillStockExhausted = "18030";

    /// <summary>Message field missing or malformed (Information names the field).</summary>
    public const string MalformedField = "20001";

    /// <summary>MsgID reused by this peer with a different message.</summary>
    public const string MsgIdReused = "20002";

    /// <summary>TraNoBus reused by this bank for a different payment.</summary>
    public const string TraNoBusReused = "20003";

    /// <summary>This peer may not send this message (or act for this unit).</summary>
    public const string NotAllowed = "20004";

    /// <summary>Transaction reconciliation found differences (5555).</summary>
    public const string ReconciliationDifferences = "30001";

    /// <summary>MAC does not verify.</summary>
    public const string BadMac = "90001";

    /// <summary>Unknown peer node code.</summary>
    public const string UnknownPeer = "90002";

    /// <summary>DES is not this finance node.</summary>
    public const string WrongDestination = "90003";

    /// <summary>General failure.</summary>
    public const string GeneralFailure = "99999";
}
