using System.Security.Cryptography;
using Microsoft.Playwright;
using NonTax.BankSimulator;
using NonTax.Frontend.Accounts;
using NonTax.Infrastructure.Peers;

namespace NonTax.Frontend.Tests;

/// <summary>
/// The peers page in the browser: a bank's token changes only after a second person approves it
/// (maker-checker), and the 18-character token the bureau's bank brought along then signs frames
/// over real TCP.
/// </summary>
[Collection(WebSystemCollection.Name)]
public sealed class PeerTests(WebSystemFixture system)
{
    private const string EighteenCharacterToken = "Rg7$uK2pLm9xQw4#Zt";

    [Fact]
    public async Task A_token_change_takes_effect_only_when_a_second_person_approves_it()
    {
        // A bank of its own, so that rotating its token disturbs no other test's peer.
        var registry = system.SiloServices.GetRequiredService<PeerRegistry>();
        var nodeCode = "D32068202" + RandomNumberGenerator.GetInt32(10, 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var oldToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Assert.True(await registry.AddIfAbsentAsync(new PeerDefinition { NodeCode = nodeCode, Name = "四眼测试银行", Token = oldToken }, "test"));
        var bank = new SimulatorPeer(nodeCode, "四眼测试银行", oldToken, null, null);

        var maker = await system.CreateUserAsync(WebRoles.FinanceAdministrator);
        var checker = await system.CreateUserAsync(WebRoles.FinanceAdministrator);

        // The maker proposes the bank's 18-character token; a too-short token is refused first and changes nothing.
        var page = await system.SignedInPageAsync(maker);
        await page.ClickAsync("#menu-peers");
        Assert.EndsWith("/peers", page.Url);
        await ProposeAsync(page, nodeCode, "short7!");
        Assert.Contains("8至64", await page.InnerTextAsync("#message.error"));
        await ProposeAsync(page, nodeCode, EighteenCharacterToken);
        Assert.Contains("待另一人审批", await page.InnerTextAsync("#message.ok"));
        var row = page.Locator($"#proposals tr[data-node='{nodeCode}']").First;
        Assert.Equal("待审批", (await row.Locator(".status").InnerTextAsync()).Trim());
        Assert.Equal("18", (await row.Locator("td").Nth(2).InnerTextAsync()).Trim());
        // The maker is offered no approval of their own proposal, and the API refuses it too.
        Assert.Equal(0, await row.Locator("button.approve").CountAsync());
        Assert.Equal(1, await row.Locator(".waiting").CountAsync());
        var id = long.Parse(await row.GetAttributeAsync("data-proposal") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var selfApproval = await page.Context.APIRequest.PostAsync($"/api/peers/token-changes/{id}/approve");
        Assert.Equal(403, selfApproval.Status);
        Assert.Contains("OwnProposal", await selfApproval.TextAsync());
        // A second proposal for the same bank waits for the first to be decided.
        await ProposeAsync(page, nodeCode, "another-token-123");
        Assert.Contains("已有待审批", await page.InnerTextAsync("#message.error"));
        await page.Locator("#proposals").ScrollIntoViewIfNeededAsync();
        await WebSystemFixture.ScreenshotAsync(page, "peers-proposed");
        await page.Context.CloseAsync();

        // Proposed is not in force: the old token still signs and is the only one.
        var peer = (await registry.FindFreshAsync(nodeCode))!;
        Assert.Equal(oldToken, peer.Token);
        Assert.Null(peer.PreviousToken);
        Assert.Equal("00000", (await system.Finance.SendAsync(bank, "2002", [("Info", "before approval")])).ReplyField("Result"));

        // The checker approves: the new token is in force, the old one stays valid for the grace period.
        var second = await system.SignedInPageAsync(checker);
        await second.GotoAsync("/peers");
        var pending = second.Locator($"#proposals tr[data-proposal='{id}']");
        await pending.Locator("button.approve").ClickAsync();
        Assert.Contains("已审批", await second.InnerTextAsync("#message.ok"));
        Assert.Equal("已生效", (await second.Locator($"#proposals tr[data-proposal='{id}'] .status").InnerTextAsync()).Trim());
        await second.Locator("#proposals").ScrollIntoViewIfNeededAsync();
        await WebSystemFixture.ScreenshotAsync(second, "peers-approved");
        await second.Context.CloseAsync();

        peer = (await registry.FindFreshAsync(nodeCode))!;
        Assert.Equal(EighteenCharacterToken, peer.Token);
        Assert.Equal(oldToken, peer.PreviousToken);
        Assert.True(peer.PreviousTokenExpiresAt > DateTimeOffset.UtcNow);

        // Over real TCP the edge (which reads the registry) now verifies and signs with the 18-character token.
        await system.EdgeServices.GetRequiredService<PeerRegistry>().FindFreshAsync(nodeCode);
        bank.Token = EighteenCharacterToken;
        Assert.Equal("00000", (await system.Finance.SendAsync(bank, "2002", [("Info", "after approval")])).ReplyField("Result"));

        // Each step is in the audit log, and no line carries the token.
        var lines = await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.web_audit_log WHERE target = $1 AND action IN ('peer.token_propose', 'peer.token_approve')", nodeCode);
        Assert.Equal(5, lines);
        Assert.Equal(0, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.web_audit_log WHERE detail LIKE '%' || $1 || '%'", EighteenCharacterToken));
        // A decided proposal keeps no token, encrypted or not.
        Assert.Equal(0, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.peer_token_proposals WHERE node_code = $1 AND status <> 'pending' AND token_cipher IS NOT NULL", nodeCode));
    }

    private static async Task ProposeAsync(IPage page, string nodeCode, string token)
    {
        await page.SelectOptionAsync("#NodeCode", nodeCode);
        await page.FillAsync("#NewToken", token);
        await page.FillAsync("#GraceHours", "1");
        await page.ClickAsync("#propose");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
