namespace NonTax.Infrastructure.Messages;

/// <summary>A caller asking whether a reply is stored for <see cref="Key"/>.</summary>
internal sealed class PendingLookup(ReplyKey key) : PendingJournalRequest
{
    public ReplyKey Key { get; } = key;
}
