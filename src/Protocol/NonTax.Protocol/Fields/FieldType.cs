namespace NonTax.Protocol.Fields;

/// <summary>Data types of voucher fields (spec: Envelope, data types).</summary>
public enum FieldType
{
    /// <summary>Printable ASCII (0x20–0x7E); length in characters.</summary>
    String,

    /// <summary>ASCII digits only; length in characters.</summary>
    NString,

    /// <summary>Any GBK-encodable text; length in GBK bytes.</summary>
    GBString,

    /// <summary>Yuan with at most two decimals, up to 15 integer digits, no sign, separator or exponent.</summary>
    Currency,

    /// <summary>Unsigned integer of at most 8 digits.</summary>
    Integer,

    /// <summary><c>yyyyMMdd</c>, a real calendar date.</summary>
    Date,

    /// <summary><c>HHmmss</c>.</summary>
    Time,

    /// <summary><c>yyyyMMddHHmmss</c>.</summary>
    DateTime,

    /// <summary><c>yyyyMMddHHmmss±hhmm</c>.</summary>
    UtcDateTime,

    /// <summary>
    /// A code from a code table (PayMode, RecAcctType, PayStats…): digits, accepted with or without
    /// leading zeros (<c>1</c> = <c>01</c>); the maximum length is the code's width.
    /// </summary>
    Code,

    /// <summary>Base64 text (embedded files, e-bills, signatures); length in characters.</summary>
    Base64,
}
