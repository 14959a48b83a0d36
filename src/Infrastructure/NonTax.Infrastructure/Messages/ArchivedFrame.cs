namespace NonTax.Infrastructure.Messages;

/// <summary>One frame in or out, as the archive keeps it for audit and disputes.</summary>
public sealed record ArchivedFrame(
    char Direction,
    string? Peer,
    string? RemoteAddress,
    string? MsgNo,
    string? MsgId,
    string? MsgRef,
    string? Result,
    string? Note,
    ReadOnlyMemory<byte> RawFrame)
{
    public const char Inbound = 'I';
    public const char Outbound = 'O';
}
