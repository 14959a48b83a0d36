using NonTax.Integration.Tests.Edge;

namespace NonTax.Integration.Tests.MoneyFlow;

/// <summary>
/// The whole system for remittance tests: the treasuries of the county, city and province budget
/// levels configured as an operator would (<c>Remittance:Treasuries</c>), and a reconciliation
/// cut-off late enough that its sweeper never alerts a missing file while a test runs.
/// </summary>
public sealed class RemittanceSystemFixture : EdgeSystemFixture
{
    public const string CountyTreasury = "3206820000";
    public const string CityTreasury = "3206000000";
    public const string ProvinceTreasury = "3200000000";

    protected override IReadOnlyDictionary<string, string?> ExtraSiloSettings { get; } = new Dictionary<string, string?>
    {
        ["Reconciliation:CutOff"] = "23:59:59",
        ["Remittance:Treasuries:4:Code"] = CountyTreasury,
        ["Remittance:Treasuries:4:Name"] = "国家金库如皋市支库",
        ["Remittance:Treasuries:3:Code"] = CityTreasury,
        ["Remittance:Treasuries:3:Name"] = "国家金库南通市中心支库",
        ["Remittance:Treasuries:2:Code"] = ProvinceTreasury,
        ["Remittance:Treasuries:2:Name"] = "国家金库江苏省分库",
    };
}
