using System.Net.Http.Json;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Units;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Results;

namespace NonTax.Integration.Tests.BankAccounts;

/// <summary>
/// The supervised-account list on the operator API: the RecAcctType 4 accounts the 2581 covers and
/// 5981 publishes, each with its unit, built as the 5981 is; an active one no unit uses is listed
/// as not published, and a fiscal account of another type is not listed.
/// </summary>
public sealed class SupervisedAccountListTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>
{
    private const string UsedAccount = "32001647236051117771";
    private const string UnusedAccount = "32001647236051117772";
    private const string OtherType = "32001647236051117773";
    private const string Unit = "0201017";

    [Fact]
    public async Task Lists_each_supervised_account_with_its_unit()
    {
        var bureau = system.Grains.GetGrain<IBureauGrain>(EdgeSystemFixture.FinanceNode);
        Assert.Equal(ResultCodes.Success, await bureau.UpsertFiscalAccount(new FiscalAccount(UsedAccount, "如皋市实验学校监管户", "0105", "中国建设银行如皋支行", 4), "tester"));
        Assert.Equal(ResultCodes.Success, await bureau.UpsertFiscalAccount(new FiscalAccount(UnusedAccount, "如皋市备用监管户", "0105", "中国建设银行如皋支行", 4), "tester"));
        Assert.Equal(ResultCodes.Success, await bureau.UpsertFiscalAccount(new FiscalAccount(OtherType, "如皋市财政局专户", "0105", "中国建设银行如皋支行", 1), "tester"));
        var unit = new CollectingUnitProfile(Unit, "如皋市实验学校", "如皋市教育局", "320682", EdgeSystemFixture.FinanceNode, 19, UsedAccount);
        Assert.Equal(ResultCodes.Success, await system.Grains.GetGrain<ICollectingUnitGrain>(Unit).Define(unit, "tester"));

        using var http = OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken);
        List<SupervisedAccount>? listed = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
            (listed = await http.GetFromJsonAsync<List<SupervisedAccount>>("/ops/bank-accounts/supervised"))!.Any(a => a.AccountNo == UsedAccount && a.UnitCode == Unit)),
            "the unit's supervised account never showed with its unit");
        var used = Assert.Single(listed!, a => a.AccountNo == UsedAccount);
        Assert.Equal(("如皋市实验学校监管户", "0105", "如皋市实验学校", true), (used.AccountName, used.BankCode, used.UnitName, used.Published));
        var unused = Assert.Single(listed!, a => a.AccountNo == UnusedAccount);
        Assert.Equal((null, false), (unused.UnitCode, unused.Published));
        Assert.DoesNotContain(listed!, a => a.AccountNo == OtherType);
    }
}
