using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;
using Orleans.Core.Internal;

namespace NonTax.Grains.Tests.BaseData;

/// <summary>
/// Base-data pushes to banks. Each test runs its own small bureau (its own region, banks and
/// unit) so pushes of other tests and of the seeded sandbox bureau never mix with its own.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BaseDataPublisherTests(ClusterFixture fixture)
{
    private sealed record TestBureau(string FinanceNode, string Bank, string ClearingBank, string Platform, string SupervisedAccount, string Unit)
    {
        public string[] Banks => [Bank, ClearingBank];
    }

    private async Task<TestBureau> NewBureauAsync(string region)
    {
        var b = new TestBureau($"F{region}", $"D{region}0105", $"Q{region}0001", $"K{region}0001", $"6222{region}0004", $"09{region[^2..]}001");
        var bureau = fixture.Grains.GetGrain<IBureauGrain>(b.FinanceNode);
        Assert.Equal(ResultCodes.Success, await bureau.Define(new BureauProfile(b.FinanceNode, region, "测试财政局"), "admin"));
        Assert.Equal(ResultCodes.Success, await bureau.UpsertRegion(new Region(region, "测试区"), "admin"));
        Assert.Equal(ResultCodes.Success, await bureau.UpsertAgentBank(new AgentBank(b.Bank, "0105", "测试建行"), "admin"));
        Assert.Equal(ResultCodes.Success, await bureau.UpsertAgentBank(new AgentBank(b.ClearingBank, "0001", "测试清算行"), "admin"));
        Assert.Equal(ResultCodes.Success, await bureau.UpsertPeer(new PeerNode(b.Platform, "测试单位平台", []), "admin"));
        Assert.Equal(ResultCodes.Success, await bureau.UpsertFiscalAccount(new FiscalAccount($"6222{region}0001", "测试财政专户", "0105", "测试建行", 1), "admin"));
        Assert.Equal(ResultCodes.Success, await bureau.UpsertFiscalAccount(new FiscalAccount(b.SupervisedAccount, "测试单位监管户", "0105", "测试建行", 4), "admin"));
        var unit = new CollectingUnitProfile(b.Unit, "测试执收单位", "测试主管部门", region, b.FinanceNode, 1, b.SupervisedAccount);
        Assert.Equal(ResultCodes.Success, await fixture.Grains.GetGrain<ICollectingUnitGrain>(b.Unit).Define(unit, "admin"));
        await QuietAsync(b, expectedAccountPush: 1);
        return b;
    }

    private IBaseDataPublisherGrain Publisher(TestBureau b) => fixture.Grains.GetGrain<IBaseDataPublisherGrain>(b.FinanceNode);

    /// <summary>Waits (bounded, not timed) until the push for the changes made so far is done and handed over.</summary>
    private async Task<BaseDataPublisherStatus> QuietAsync(TestBureau b, long expectedAccountPush)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await Publisher(b).GetStatus();
            if (status is { ChangePending: false, UndeliveredHandOvers: 0 } && status.LastSeqNos.GetValueOrDefault("5952") >= expectedAccountPush)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, "the debounced push did not happen");
            await Task.Delay(100);
        }
    }

    private static IReadOnlyList<OutboundInstruction> Received(string peer, string msgNo) =>
        [.. RecordingBankLinkGrain.For(peer).Where(i => i.MsgNo == msgNo).OrderBy(i => long.Parse(i.BusinessNo, System.Globalization.CultureInfo.InvariantCulture))];

    private static string Field(OutboundInstruction instruction, string name) => instruction.Fields.Single(f => f.Name == name).Value;

    [Fact]
    public async Task Each_bank_gets_each_refresh_once_with_the_bureaus_rows()
    {
        var b = await NewBureauAsync("320691");
        var published = await Publisher(b).PublishAll("test", "admin");

        Assert.Equal(["5952", "5953", "5981"], published.Select(p => p.MsgNo));
        Assert.All(published, p => Assert.Equal(b.Banks.Order(StringComparer.Ordinal), p.Peers));
        foreach (var bank in b.Banks)
        {
            var ids = RecordingBankLinkGrain.For(bank).Select(i => i.InstructionId).ToHashSet();
            Assert.All(published, p => Assert.Contains($"{p.MsgNo}-{p.SeqNo}-{bank}", ids));

            var accounts = Received(bank, "5952")[^1];
            Assert.Equal("SeqNo", accounts.Fields[0].Name);
            Assert.Equal(published[0].SeqNo.ToString(System.Globalization.CultureInfo.InvariantCulture), accounts.BusinessNo);
            Assert.Equal([$"6222{b.FinanceNode[1..]}0001", b.SupervisedAccount], accounts.Fields.Where(f => f.Name == "Accounts/Account/AcctNo").Select(f => f.Value));
            Assert.Equal(["1", "4"], accounts.Fields.Where(f => f.Name == "Accounts/Account/AcctType").Select(f => f.Value));

            var regions = Received(bank, "5953")[^1];
            Assert.Equal(b.FinanceNode, Field(regions, "FinanceNode"));
            Assert.Equal(b.FinanceNode[1..], Field(regions, "Regions/Region/AdmDivCode"));

            var supervised = Received(bank, "5981")[^1];
            Assert.Equal(b.SupervisedAccount, Field(supervised, "Accounts/Account/AcctNo"));
            Assert.Equal(b.Unit, Field(supervised, "Accounts/Account/ChgAgenCode"));
            Assert.Equal("测试执收单位", Field(supervised, "Accounts/Account/ChgAgenName"));
        }

        // Only agent and clearing banks hold base data.
        Assert.Empty(RecordingBankLinkGrain.For(b.Platform));
        Assert.Single(fixture.Store.FactsAbout(b.FinanceNode), f => f.Kind == "basedata.pushed" && f.FactId.EndsWith($":5952:{published[0].SeqNo}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeqNo_only_grows_across_publishes_and_deactivation()
    {
        var b = await NewBureauAsync("320692");
        var before = (await Publisher(b).GetStatus()).LastSeqNos;

        var first = await Publisher(b).PublishAll("test", "admin");
        var second = await Publisher(b).PublishAll("test", "admin");
        // Only this grain: collecting every activation would also drop other tests' in-memory state.
        await Publisher(b).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var third = await Publisher(b).PublishAll("after deactivation", "admin");

        foreach (var msgNo in new[] { "5952", "5953", "5981" })
        {
            var seqNos = new[] { first, second, third }.Select(p => p.Single(r => r.MsgNo == msgNo).SeqNo).ToArray();
            Assert.Equal(before.GetValueOrDefault(msgNo) + 1, seqNos[0]);
            Assert.Equal([seqNos[0], seqNos[0] + 1, seqNos[0] + 2], seqNos);
            // Every bank saw every SeqNo of this MsgNo exactly once, in increasing order.
            foreach (var bank in b.Banks)
            {
                var seen = Received(bank, msgNo).Select(i => long.Parse(i.BusinessNo, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(seen.Distinct().Order(), seen);
                Assert.Equal(seqNos, seen[^3..]);
            }
        }
    }

    [Fact]
    public async Task A_burst_of_edits_is_pushed_once_and_only_the_refresh_that_changed()
    {
        var b = await NewBureauAsync("320693");
        var before = (await Publisher(b).GetStatus()).LastSeqNos;
        var bureau = fixture.Grains.GetGrain<IBureauGrain>(b.FinanceNode);

        for (var edit = 1; edit <= 10; edit++)
        {
            Assert.Equal(ResultCodes.Success, await bureau.UpsertFiscalAccount(
                new FiscalAccount($"6222{b.FinanceNode[1..]}0001", $"测试财政专户{edit}", "0105", "测试建行", 1), "admin"));
        }

        var after = (await QuietAsync(b, before["5952"] + 1)).LastSeqNos;
        Assert.Equal(before["5952"] + 1, after["5952"]);
        Assert.Equal(before["5953"], after["5953"]);
        Assert.Equal(before["5981"], after["5981"]);
        var pushed = Received(b.Bank, "5952")[^1];
        Assert.Equal("测试财政专户10", pushed.Fields.First(f => f.Name == "Accounts/Account/AcctName").Value);
    }
}
