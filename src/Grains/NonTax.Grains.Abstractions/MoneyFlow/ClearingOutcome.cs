namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>A clearing bank's 2614 as the day grain takes it: the overall result and each row's.</summary>
[GenerateSerializer, Immutable]
[Alias("clearing.ClearingOutcome")]
public sealed record ClearingOutcome(
    [property: Id(0)] string ClearNo,
    [property: Id(1)] string Result,
    [property: Id(2)] DateOnly ExecDate,
    [property: Id(3)] string Information,
    [property: Id(4)] IReadOnlyList<ClearingOutcome.Row> Rows)
{
    /// <summary>True when the bank moved every row.</summary>
    public bool Succeeded => Result == NonTax.Protocol.Results.ResultCodes.Success;

    /// <summary>One row's result.</summary>
    [GenerateSerializer, Immutable]
    [Alias("clearing.ClearingOutcome.Row")]
    public sealed record Row(
        [property: Id(0)] long LineNo,
        [property: Id(1)] string Result,
        [property: Id(2)] decimal Amt,
        [property: Id(3)] string TraNo);
}
