using NonTax.Protocol.Results;

namespace NonTax.Protocol.Vouchers;

/// <summary>
/// A message this node was about to send breaks its voucher's field rules. It is a defect on our
/// side, never the peer's: the message is not sent, and retrying cannot fix it.
/// </summary>
public sealed class InvalidOutboundMessageException : InvalidOperationException
{
    public InvalidOutboundMessageException(string msgNo, ProtocolError error)
        : base($"Outbound {msgNo} refused before sending: {error?.Information}")
    {
        ArgumentNullException.ThrowIfNull(error);
        MsgNo = msgNo;
        Error = error;
    }

    /// <summary>The message number that was refused.</summary>
    public string MsgNo { get; }

    /// <summary>The first field rule it breaks.</summary>
    public ProtocolError Error { get; }
}
