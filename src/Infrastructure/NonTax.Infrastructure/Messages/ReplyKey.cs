namespace NonTax.Infrastructure.Messages;

/// <summary>The idempotency key of an inbound message: the sender's node code and its MsgID.</summary>
public readonly record struct ReplyKey(string Src, string MsgId);
