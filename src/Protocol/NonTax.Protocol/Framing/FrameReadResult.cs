using System.Diagnostics.CodeAnalysis;

namespace NonTax.Protocol.Framing;

/// <summary>Result of <c>FrameReader.TryRead</c>: more data needed, a frame, or a reason to give up.</summary>
public readonly record struct FrameReadResult
{
    private FrameReadResult(FrameReadStatus status, RawFrame? frame, FrameError error, int declaredLength)
    {
        Status = status;
        Frame = frame;
        Error = error;
        DeclaredLength = declaredLength;
    }

    /// <summary>What happened.</summary>
    public FrameReadStatus Status { get; }

    /// <summary>The frame, when <see cref="Status"/> is <see cref="FrameReadStatus.Complete"/>.</summary>
    public RawFrame? Frame { get; }

    /// <summary>The reason, when <see cref="Status"/> is <see cref="FrameReadStatus.Invalid"/>.</summary>
    public FrameError Error { get; }

    /// <summary>The length field's value once it has been read (0 before), for logs and read timeouts.</summary>
    public int DeclaredLength { get; }

    /// <summary>True when a whole frame was cut.</summary>
    [MemberNotNullWhen(true, nameof(Frame))]
    public bool IsComplete => Status == FrameReadStatus.Complete;

    internal static FrameReadResult NeedMore(int declaredLength) => new(FrameReadStatus.NeedMoreData, null, FrameError.None, declaredLength);

    internal static FrameReadResult Completed(RawFrame frame) => new(FrameReadStatus.Complete, frame, FrameError.None, frame.TotalLength);

    internal static FrameReadResult Invalid(FrameError error, int declaredLength = 0) => new(FrameReadStatus.Invalid, null, error, declaredLength);

    /// <inheritdoc />
    public override string ToString() => Status switch
    {
        FrameReadStatus.Complete => $"Complete {Frame!.MsgNo} ({DeclaredLength} bytes)",
        FrameReadStatus.Invalid => $"Invalid: {Error}",
        _ => "NeedMoreData",
    };
}
