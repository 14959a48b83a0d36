using NonTax.Grains.Abstractions.Reconciliation;

namespace NonTax.Grains.Reconciliation;

/// <summary>One file kind of a day: which batches arrived, the last run and its figures, and whether its result still has to go out.</summary>
[GenerateSerializer]
public sealed class ReconciliationFileState
{
    [Id(0)] public int BatchCount { get; set; }
    [Id(1)] public int BatchesReceived { get; set; }
    /// <summary>The arrival sequence number the last run compared through; a later batch means compare again.</summary>
    [Id(2)] public long ComparedSeq { get; set; }
    [Id(3)] public int Run { get; set; }
    [Id(4)] public ComparisonSummary? Last { get; set; }
    [Id(5)] public int OpenDifferences { get; set; }
    [Id(6)] public int ResolvedDifferences { get; set; }
    /// <summary>Some run found differences: a day without open ones is then resolved, not matched.</summary>
    [Id(7)] public bool HadDifferences { get; set; }
    /// <summary>The run whose result message is not yet in the bank's link (0: none).</summary>
    [Id(8)] public int ResultRunPending { get; set; }
    [Id(9)] public string BankCode { get; set; } = "";

    /// <summary>MsgID of the last batch of the file last compared: the result's HEAD/MsgRef (docs/protocol.md, "Who answers what").</summary>
    [Id(10)] public string? ComparedMsgId { get; set; }

    public bool IsComplete => BatchCount > 0 && BatchesReceived == BatchCount;

    public string Status => Last is null ? ReconciliationStatus.Open
        : OpenDifferences > 0 ? ReconciliationStatus.Differences
        : HadDifferences ? ReconciliationStatus.Resolved
        : ReconciliationStatus.Matched;
}
