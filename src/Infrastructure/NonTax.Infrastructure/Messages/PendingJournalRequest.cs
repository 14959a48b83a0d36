namespace NonTax.Infrastructure.Messages;

/// <summary>
/// A caller waiting in one of the journal's queues. It completes with the stored reply that
/// applies to it (or none), only after its batch's work is durable or has failed.
/// </summary>
internal abstract class PendingJournalRequest
{
    private readonly TaskCompletionSource<StoredReply?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<StoredReply?> Completion => _completion.Task;

    public void Complete(StoredReply? reply) => _completion.TrySetResult(reply);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
