namespace NonTax.Grains.Abstractions.MoneyFlow;

/// <summary>
/// 分成规则: how an income item's revenue is shared between the fiscal accounts of the budget
/// levels, from <see cref="EffectiveFrom"/> (a business day, CST) until a later approved version.
/// Cents that the ratios leave over go by largest remainder; a tie goes to
/// <see cref="RemainderAccountNo"/> first, then to the shares in order (docs/architecture.md,
/// "Money after reconciliation").
/// </summary>
/// <param name="FundType">资金性质, carried on 5614 rows (e.g. 1 general budget, 2 fund budget, 3 special account).</param>
/// <param name="RemitMode">1 direct (each payment remitted on its own), 2 central (periodic batches).</param>
[GenerateSerializer, Immutable]
[Alias("clearing.ClearingRule")]
public sealed record ClearingRule(
    [property: Id(0)] string ItemCode,
    [property: Id(1)] DateOnly EffectiveFrom,
    [property: Id(2)] string FundType,
    [property: Id(3)] int RemitMode,
    [property: Id(4)] IReadOnlyList<ClearingShare> Shares,
    [property: Id(5)] string RemainderAccountNo)
{
    /// <summary>Remit each payment on its own (直接缴库).</summary>
    public const int DirectRemittance = 1;

    /// <summary>Remit in periodic batches (集中缴库).</summary>
    public const int CentralRemittance = 2;
}
