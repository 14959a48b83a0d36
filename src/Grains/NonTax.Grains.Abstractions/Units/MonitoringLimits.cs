namespace NonTax.Grains.Abstractions.Units;

/// <summary>Per-unit monitoring limits (监控); null means no limit.</summary>
/// <param name="MaxDaysIssuedUnpaid">Longest a notice may stay issued but unpaid (and not void).</param>
/// <param name="MaxDaysUnremitted">Longest collected money may stay un-remitted.</param>
/// <param name="MaxDaysVoidUnreturned">Longest a voided paper bill may stay un-returned to finance.</param>
[GenerateSerializer, Immutable]
public sealed record MonitoringLimits(
    [property: Id(0)] int? MaxDaysIssuedUnpaid = null,
    [property: Id(1)] int? MaxDaysUnremitted = null,
    [property: Id(2)] int? MaxDaysVoidUnreturned = null);
