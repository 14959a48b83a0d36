namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>basedata.pushed: a base-data refresh got its SeqNo and was queued for these banks.</summary>
public sealed record BaseDataPushed(
    string MsgNo,
    long SeqNo,
    IReadOnlyList<string> Peers,
    int Rows,
    string? Reason,
    string? Operator) : IFact
{
    public static string Kind => "basedata.pushed";
}
