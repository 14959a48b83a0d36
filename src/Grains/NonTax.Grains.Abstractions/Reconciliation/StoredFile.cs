namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>
/// What the stored batches of one file kind (2555, 2557, 2556, 2581) of a bank's day add up to:
/// how many of its BatchCount batches arrived, the last arrival's sequence number, and whether the
/// records add up to the totals the bank declared.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("reconciliation.stored-file")]
public sealed record StoredFile(
    [property: Id(0)] string MsgNo,
    [property: Id(1)] int BatchCount,
    [property: Id(2)] int BatchesReceived,
    [property: Id(3)] long LastSeq,
    [property: Id(4)] string LastMsgId,
    [property: Id(5)] string BankCode)
{
    public bool IsComplete => BatchesReceived == BatchCount;
}
