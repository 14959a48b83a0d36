namespace NonTax.Grains.Abstractions.Journal.Facts;

/// <summary>remittance.result_recorded: the bank's 2618 for a RemitNo: remitted (00000, with the bank's TraNo) or its failure code.</summary>
public sealed record RemittanceResultRecorded(
    string BankNode,
    DateOnly BusinessDay,
    string RemitNo,
    string Result,
    DateOnly RemitDate,
    string? TraNo,
    string? Information,
    string MsgId) : IFact
{
    public static string Kind => "remittance.result_recorded";
}
