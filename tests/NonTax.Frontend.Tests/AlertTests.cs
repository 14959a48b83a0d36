using NonTax.Frontend.Accounts;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;

namespace NonTax.Frontend.Tests;

/// <summary>Alerts in the browser: operations staff acknowledge one and close it with a note; an auditor only reads.</summary>
[Collection(WebSystemCollection.Name)]
public sealed class AlertTests(WebSystemFixture system)
{
    [Fact]
    public async Task An_alert_is_acknowledged_then_closed_with_a_note_and_leaves_the_open_list()
    {
        var subject = "D32068201" + Random.Shared.Next(10, 100);
        var key = $"web-test.missing-file:{subject}:{Guid.NewGuid():N}";
        await system.SiloServices.GetRequiredService<IFactJournal>().RecordAsync(
            [new AlertRaised("reconciliation.missing-file", subject, $"{subject} 对账文件未到", "测试", AlertSeverity.Warning).ToFact(key, DateTimeOffset.UtcNow)]);
        var alertId = await system.Database.ScalarAsync<string>("SELECT alert_id FROM nontax.alerts WHERE subject = $1", subject);
        Assert.NotNull(alertId);

        var auditor = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.Auditor));
        await auditor.ClickAsync("#menu-alerts");
        Assert.Equal(1, await auditor.Locator($"#alerts tr[data-alert='{alertId}']").CountAsync());
        Assert.Equal(0, await auditor.Locator($"#alerts tr[data-alert='{alertId}'] button").CountAsync());
        await auditor.Context.CloseAsync();

        var operations = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.Operations));
        await operations.ClickAsync("#menu-alerts");
        var row = operations.Locator($"#alerts tr[data-alert='{alertId}']");
        await row.Locator("button.acknowledge").ClickAsync();
        Assert.Contains("已确认", await operations.InnerTextAsync("#message.ok"));
        row = operations.Locator($"#alerts tr[data-alert='{alertId}']");
        Assert.Contains("operations", await row.Locator(".acknowledged").InnerTextAsync());
        Assert.Equal(0, await row.Locator("button.acknowledge").CountAsync());

        // Closing needs a note; without one nothing changes.
        await row.Locator("button.close").ClickAsync();
        Assert.Contains("处理说明", await operations.InnerTextAsync("#message.error"));
        row = operations.Locator($"#alerts tr[data-alert='{alertId}']");
        await row.Locator("input[name=Note]").FillAsync("银行已补发对账文件");
        await row.Locator("button.close").ClickAsync();
        Assert.Contains("已关闭", await operations.InnerTextAsync("#message.ok"));
        await WebSystemFixture.ScreenshotAsync(operations, "alerts");
        // The open list no longer shows it; the full list does, with the note.
        Assert.Equal(0, await operations.Locator($"#alerts tr[data-alert='{alertId}']").CountAsync());
        await operations.ClickAsync("#show-all");
        Assert.Contains("银行已补发对账文件", await operations.Locator($"#alerts tr[data-alert='{alertId}'] .closed").InnerTextAsync());
        await operations.Context.CloseAsync();

        Assert.Equal(2, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.web_audit_log WHERE target = $1 AND action IN ('alert.acknowledge', 'alert.close') AND outcome = 'ok'", alertId!));
    }
}
