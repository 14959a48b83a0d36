namespace NonTax.Silo.Operations;

/// <summary>One 2000 "green channel" (绿色通道) message from a bank, as staff read it.</summary>
public sealed record GreenChannelMessage(
    long Id,
    string Src,
    string MsgId,
    string Title,
    string Content,
    string Sender,
    DateTimeOffset ReceivedAt,
    string? ReadBy,
    DateTimeOffset? ReadAt);
