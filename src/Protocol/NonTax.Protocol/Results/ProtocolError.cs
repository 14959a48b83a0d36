namespace NonTax.Protocol.Results;

/// <summary>A refusal of incoming protocol data, as a value.</summary>
/// <param name="Kind">Whether the document itself or one of its fields is at fault.</param>
/// <param name="ResultCode">The result code to answer with (always <see cref="ResultCodes.MalformedField"/> today).</param>
/// <param name="Field">The element at fault (e.g. <c>PayCode</c>, <c>HEAD/MsgNo</c>); null for document errors.</param>
/// <param name="Reason">Human-readable detail for logs and the reply's <c>Information</c>.</param>
public sealed record ProtocolError(ProtocolErrorKind Kind, string ResultCode, string? Field, string Reason)
{
    /// <summary>A document-level refusal.</summary>
    public static ProtocolError Document(string reason) => new(ProtocolErrorKind.MalformedDocument, ResultCodes.MalformedField, null, reason);

    /// <summary>A field-level refusal (20001).</summary>
    public static ProtocolError InvalidField(string field, string reason) => new(ProtocolErrorKind.InvalidField, ResultCodes.MalformedField, field, reason);

    /// <summary>Text for a generic reply's <c>Information</c>: the field name first, as the specification asks.</summary>
    public string Information => Field is null ? Reason : $"{Field}: {Reason}";

    /// <inheritdoc />
    public override string ToString() => $"{ResultCode} {Information}";
}
