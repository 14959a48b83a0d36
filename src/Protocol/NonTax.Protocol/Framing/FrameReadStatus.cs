namespace NonTax.Protocol.Framing;

/// <summary>Outcome of one attempt to cut a frame from buffered bytes.</summary>
public enum FrameReadStatus
{
    /// <summary>The buffer holds the start of a plausible frame; read more and try again.</summary>
    NeedMoreData,

    /// <summary>A complete frame was cut; see <see cref="FrameReadResult.Frame"/>.</summary>
    Complete,

    /// <summary>The bytes cannot be a frame; see <see cref="FrameReadResult.Error"/>. Close the connection.</summary>
    Invalid,
}
