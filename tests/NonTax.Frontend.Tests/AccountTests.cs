using Microsoft.Playwright;
using NonTax.Frontend.Accounts;

namespace NonTax.Frontend.Tests;

/// <summary>Signing in through the browser: the forced first change of password, the password rule and the lockout.</summary>
[Collection(WebSystemCollection.Name)]
public sealed class AccountTests(WebSystemFixture system)
{
    [Fact]
    public async Task The_initial_administrator_must_choose_a_password_that_keeps_the_rule_before_reaching_anything()
    {
        var page = await system.SignedInPageAsync(WebSystemFixture.AdminUser, WebSystemFixture.InitialAdminPassword);
        await WebSystemFixture.ScreenshotAsync(page, "change-password");
        Assert.EndsWith("/account/change-password", page.Url);
        Assert.True(await page.IsVisibleAsync("#forced"));
        Assert.Equal(0, await page.Locator("#menu-users").CountAsync());

        // Nothing else is reachable meanwhile.
        await page.GotoAsync("/admin/users");
        Assert.EndsWith("/account/change-password", page.Url);

        // A password without symbols breaks the rule and changes nothing.
        await ChangeAsync(page, WebSystemFixture.InitialAdminPassword, "Abcdefgh12");
        Assert.EndsWith("/account/change-password", page.Url);
        Assert.True(await page.Locator(".error").CountAsync() > 0);

        await ChangeAsync(page, WebSystemFixture.InitialAdminPassword, "N3w-Admin-Pass!");
        Assert.Equal(system.BaseUrl + "/", page.Url);
        Assert.Contains(WebRoles.DisplayName(WebRoles.FinanceAdministrator), await page.InnerTextAsync("#roles"));
        await page.ClickAsync("#menu-users");
        Assert.EndsWith("/admin/users", page.Url);

        // The administrator creates a unit clerk; the temporary password works once, then must be changed.
        await page.FillAsync("#NewUserName", "clerk-created");
        await page.FillAsync("#NewDisplayName", "王开票");
        await page.FillAsync("#NewUnitCode", "0201001");
        await page.SelectOptionAsync("#NewRole", WebRoles.UnitBillingClerk);
        await page.ClickAsync("#create-user");
        var temporary = await page.InnerTextAsync("#temp-password");
        await WebSystemFixture.ScreenshotAsync(page, "users");
        await page.Context.CloseAsync();

        var clerk = await system.SignedInPageAsync("clerk-created", temporary);
        Assert.EndsWith("/account/change-password", clerk.Url);
        await clerk.Context.CloseAsync();
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var name = await system.CreateUserAsync(WebRoles.FinanceOperator);
        for (var i = 0; i < WebSystemFixture.MaxFailedSignIns; i++)
        {
            var wrong = await system.SignedInPageAsync(name, "Wrong-Passw0rd!");
            Assert.Contains("/account/login", wrong.Url);
            await wrong.Context.CloseAsync();
        }

        var page = await system.SignedInPageAsync(name);
        Assert.Contains("/account/login", page.Url);
        Assert.Contains("锁定", await page.InnerTextAsync("#login-error"));
        await WebSystemFixture.ScreenshotAsync(page, "locked-out");
        await page.Context.CloseAsync();

        var logged = await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.web_audit_log WHERE actor = $1 AND action = 'user.sign_in' AND outcome = 'refused'", name);
        Assert.Equal(WebSystemFixture.MaxFailedSignIns + 1, logged);
    }

    [Fact]
    public async Task The_pages_speak_Chinese_first_and_English_on_request()
    {
        var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.BaseUrl, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        // The browser's language does not decide: Chinese first.
        Assert.Contains("登录", await page.InnerTextAsync("h1"));
        await WebSystemFixture.ScreenshotAsync(page, "login");
        await page.ClickAsync("a.lang");
        Assert.Contains("Sign in", await page.InnerTextAsync("h1"));
        await context.CloseAsync();
    }

    private static async Task ChangeAsync(IPage page, string current, string next)
    {
        await page.FillAsync("#Current", current);
        await page.FillAsync("#New", next);
        await page.FillAsync("#Confirm", next);
        await page.ClickAsync("#change");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
