using NonTax.Protocol.Envelope;

namespace NonTax.SocketEdge.Messages;

/// <summary>A reply ready to send: its head (for the archive), XML body and signed frame.</summary>
public sealed record ComposedReply(Head Head, byte[] Body, byte[] Frame);
