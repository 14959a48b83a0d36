using NonTax.Protocol.Fields;

namespace NonTax.Protocol.Envelope;

/// <summary>
/// <c>CFX/HEAD</c>. <c>APP</c> (<c>CNNONTAX</c>) and <c>VER</c> (<c>1.0</c>) are fixed and checked, so not stored.
/// </summary>
/// <param name="Src">Sender node code (e.g. <c>D3206820105</c>); not checked against the node-code shapes here.</param>
/// <param name="Des">Receiver node code.</param>
/// <param name="MsgNo">Four-digit message number, equal to the frame's.</param>
/// <param name="MsgId">Sender's unique id of this message, [1,20].</param>
/// <param name="MsgRef">A request's own MsgID; a reply's request MsgID; a result's instruction MsgID.</param>
/// <param name="WorkDate">Sender's business date (CST).</param>
/// <param name="Reserve">Optional, [0,20]; written as an empty element when empty.</param>
public sealed record Head(string Src, string Des, string MsgNo, string MsgId, string MsgRef, DateOnly WorkDate, string Reserve = "")
{
    /// <summary>Field table of HEAD, used by both reader and writer.</summary>
    public static IReadOnlyList<FieldSpec> Fields { get; } =
    [
        FieldSpec.M("APP", FieldType.String, 8, 8),
        FieldSpec.M("VER", FieldType.String, 3, 3),
        FieldSpec.M("SRC", FieldType.String, 1, 30),
        FieldSpec.M("DES", FieldType.String, 1, 30),
        FieldSpec.M("MsgNo", FieldType.NString, 4, 4),
        FieldSpec.M("MsgID", FieldType.String, 1, 20),
        FieldSpec.M("MsgRef", FieldType.String, 1, 20),
        FieldSpec.M("WorkDate", FieldType.Date),
        FieldSpec.O("Reserve", FieldType.GBString, 0, 20),
    ];

    /// <summary>
    /// The head of a reply to <paramref name="request"/>: SRC and DES swapped, MsgRef = the request's MsgID.
    /// </summary>
    public static Head ReplyTo(Head request, string msgNo, string msgId, DateOnly workDate)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Head(request.Des, request.Src, msgNo, msgId, request.MsgId, workDate);
    }

    /// <summary>The head of a new request, whose MsgRef is its own MsgID.</summary>
    public static Head Request(string src, string des, string msgNo, string msgId, DateOnly workDate) =>
        new(src, des, msgNo, msgId, msgId, workDate);
}
