namespace NonTax.Grains.Abstractions.Results;

/// <summary>Grain-level outcomes, the same 5-digit strings the CNNONTAX replies carry (spec/protocol.md).</summary>
public static class ResultCodes
{
    public const string Success = "00000";
    /// <summary>Payment code unknown.</summary>
    public const string PayCodeUnknown = "10001";
    /// <summary>Notice already paid.</summary>
    public const string AlreadyPaid = "10002";
    /// <summary>Notice void (作废).</summary>
    public const string NoticeVoid = "10003";
    /// <summary>Notice expired (past its payment period).</summary>
    public const string NoticeExpired = "10004";
    /// <summary>Amount differs from the amount due.</summary>
    public const string AmountMismatch = "10005";
    /// <summary>Duplicate payment accepted; technical refund (技术性退付) started.</summary>
    public const string DuplicateRefundStarted = "10006";
    /// <summary>Check code (验证码) wrong.</summary>
    public const string CheckCodeWrong = "10007";
    /// <summary>Amount outside the item's charging standard.</summary>
    public const string OutsideChargingStandard = "10008";
    /// <summary>Item lines do not add up to the notice amount.</summary>
    public const string LinesDoNotAddUp = "10009";
    /// <summary>Payment code already used (8994 input mode).</summary>
    public const string PayCodeAlreadyUsed = "10011";
    /// <summary>Unknown collecting unit.</summary>
    public const string UnknownUnit = "18011";
    /// <summary>The unit has no collection right for this item.</summary>
    public const string NoCollectionRight = "18012";
    /// <summary>Unknown income item.</summary>
    public const string UnknownItem = "18013";
    /// <summary>The unit is blocked from issuing (monitoring limit passed).</summary>
    public const string UnitBlocked = "18020";
    /// <summary>A field is missing or malformed (Information names the field).</summary>
    public const string FieldInvalid = "20001";
    /// <summary>TraNoBus reused by this bank for a different payment.</summary>
    public const string TraNoBusReused = "20003";
    public const string GeneralFailure = "99999";
}
