namespace NonTax.SocketEdge.Reconciliation;

/// <summary>What storing a batch did: stored (and whether the file is now complete), or refused with the reason (nothing stored).</summary>
public sealed record StoreBatchResult(bool Stored, bool FileComplete, int BatchesStored, string? Refusal)
{
    public static StoreBatchResult Refused(string reason) => new(false, false, 0, reason);
}
