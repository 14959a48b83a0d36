namespace NonTax.ConventionalNode;

/// <summary>A request as archived: who sent it, which message, and its bytes.</summary>
public sealed record Inbound(string Src, string MsgNo, string MsgId, byte[] Body);
