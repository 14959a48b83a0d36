namespace NonTax.Protocol.Results;

/// <summary>How far a message got before it was refused; decides whether a signed reply is possible.</summary>
public enum ProtocolErrorKind
{
    /// <summary>
    /// The body is not an acceptable XML document (not GBK, DTD, trailing data, not well-formed).
    /// The specification closes the connection without a reply.
    /// </summary>
    MalformedDocument,

    /// <summary>A field is missing or malformed: reply <c>20001</c> naming <see cref="ProtocolError.Field"/>.</summary>
    InvalidField,
}
