using NonTax.Frontend.Accounts;

namespace NonTax.Frontend.Tests;

/// <summary>The operations health page: database, cluster and the silo's and edge's health endpoints on one page.</summary>
[Collection(WebSystemCollection.Name)]
public sealed class HealthPageTests(WebSystemFixture system)
{
    [Fact]
    public async Task Operations_see_database_cluster_and_edge_healthy_on_one_page()
    {
        var page = await system.SignedInPageAsync(await system.CreateUserAsync(WebRoles.Operations));
        await page.ClickAsync("#menu-health");
        Assert.True((await page.InnerTextAsync("#overall")).Trim() == "全部正常", await page.InnerTextAsync("#health"));
        Assert.Contains("database reachable", await page.InnerTextAsync("#health tr[data-part='database']"));
        Assert.Contains("Active", await page.InnerTextAsync("#health tbody"));
        var endpoints = await page.InnerTextAsync("#health tbody");
        Assert.Contains($":{system.EdgeHealthPort}/health", endpoints);
        Assert.Contains($":{system.OperationsPort}/health", endpoints);
        await WebSystemFixture.ScreenshotAsync(page, "health");
        await page.Context.CloseAsync();
    }
}
