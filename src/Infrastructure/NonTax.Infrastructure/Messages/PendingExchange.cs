namespace NonTax.Infrastructure.Messages;

/// <summary>
/// Frames to archive and, for a final reply, the reply to store under <see cref="Key"/>. All of
/// it is committed together or not at all.
/// </summary>
internal sealed class PendingExchange(IReadOnlyList<ArchivedFrame> frames, ReplyKey? key, StoredReply? toStore) : PendingJournalRequest
{
    public IReadOnlyList<ArchivedFrame> Frames { get; } = frames;

    /// <summary>Set only when a reply is to be stored.</summary>
    public ReplyKey? Key { get; } = toStore is null ? null : key;

    public StoredReply? ToStore { get; } = key is null ? null : toStore;
}
