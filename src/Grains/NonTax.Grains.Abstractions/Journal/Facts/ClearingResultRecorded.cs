namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>clearing.result_recorded: the clearing bank's 2614 for a ClearNo: all rows moved (00000) or the bank's failure, per row.</summary>
public sealed record ClearingResultRecorded(
    string BankNode,
    DateOnly BusinessDay,
    string ClearNo,
    string Result,
    DateOnly ExecDate,
    string? Information,
    IReadOnlyList<ClearingResultRecorded.Line> Lines) : IFact
{
    public static string Kind => "clearing.result_recorded";

    /// <summary>The bank's result for one row.</summary>
    public sealed record Line(int LineNo, string Result, string? TraNo);
}
