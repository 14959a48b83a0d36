namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>A bank's 2618 as the day grain takes it.</summary>
[GenerateSerializer, Immutable]
[Alias("remittance.RemittanceOutcome")]
public sealed record RemittanceOutcome(
    [property: Id(0)] string RemitNo,
    [property: Id(1)] int RemitType,
    [property: Id(2)] string Result,
    [property: Id(3)] DateOnly RemitDate,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] string TraNo,
    [property: Id(6)] string Information)
{
    /// <summary>True when the bank remitted the whole amount.</summary>
    public bool Succeeded => Result == NonTax.Protocol.Results.ResultCodes.Success;
}
