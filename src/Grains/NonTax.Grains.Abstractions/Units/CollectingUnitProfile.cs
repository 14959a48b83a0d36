namespace NonTax.Grains.Abstractions.Units;

/// <summary>A collecting unit's (执收单位) base data.</summary>
/// <param name="SupervisingDepartment">主管部门 code or name.</param>
/// <param name="FinanceNode">The finance node it belongs to, e.g. F320682 (its bureau's holiday calendar and accounts apply).</param>
/// <param name="IssuerNumber">The 2-digit issuer part of the payment codes it allocates; unique among the region's units.</param>
/// <param name="PayeeAccountNo">The fiscal account its notices name as payee.</param>
[GenerateSerializer, Immutable]
public sealed record CollectingUnitProfile(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string SupervisingDepartment,
    [property: Id(3)] string RegionCode,
    [property: Id(4)] string FinanceNode,
    [property: Id(5)] int IssuerNumber,
    [property: Id(6)] string PayeeAccountNo,
    [property: Id(7)] UnitStatus Status = UnitStatus.Active);
