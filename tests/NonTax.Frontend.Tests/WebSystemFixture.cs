using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Hosting;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;
using Orleans.Configuration;

namespace NonTax.Frontend.Tests;

/// <summary>
/// The whole system as the bureau's staff and payers meet it: the edge fixture's silo and socket
/// edge (sandbox bureau and peers seeded) plus the real web frontend on a free loopback port,
/// connected to that cluster as an Orleans client, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed partial class WebSystemFixture : EdgeSystemFixture, IAsyncLifetime
{
    public const string AdminUser = "admin";
    public const string InitialAdminPassword = "Initial-Adm1n!pw";
    public const string UserPassword = "Str0ng!Passw0rd";
    public const int MaxFailedSignIns = 3;

    private WebApplication? _web;
    private IPlaywright? _playwright;

    public int WebPort { get; } = FullSilo.FreePort();

    public string BaseUrl => $"http://127.0.0.1:{WebPort}";

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider WebServices => _web!.Services;

    /// <summary>The silo's e-bill keys (sandbox generation on), so payers' bills can be made and verified.</summary>
    public string EBillKeyDirectory { get; } = Directory.CreateTempSubdirectory("web-ebill-keys-").FullName;

    protected override IReadOnlyDictionary<string, string?> ExtraSiloSettings => new Dictionary<string, string?>
    {
        ["EBills:Keys:Directory"] = EBillKeyDirectory,
        ["EBills:Keys:GenerateSandboxKeys"] = "true",
    };

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var cluster = SiloServices.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var root = Path.Combine(FullSilo.RepositoryRoot(), "src", "Frontend", "NonTax.Frontend");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            // The pages are compiled into the frontend's assembly, not the test host's.
            ApplicationName = typeof(FrontendHostExtensions).Assembly.GetName().Name,
            ContentRootPath = root,
            WebRootPath = Path.Combine(root, "wwwroot"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The frontend's own least-privilege role, as run.sh gives it.
            ["ConnectionStrings:NonTax"] = Database.FrontendConnectionString,
            ["Orleans:ClusterId"] = cluster.ClusterId,
            ["Orleans:ServiceId"] = cluster.ServiceId,
            ["Frontend:Port"] = WebPort.ToString(CultureInfo.InvariantCulture),
            ["Web:InitialAdminPassword"] = InitialAdminPassword,
            // The health page asks this fixture's silo and edge, not the ports run.sh uses.
            ["Web:HealthProbes:silo"] = $"http://127.0.0.1:{OperationsPort}/health",
            ["Web:HealthProbes:edge"] = $"http://127.0.0.1:{EdgeHealthPort}/health",
            ["Web:MaxFailedSignIns"] = MaxFailedSignIns.ToString(CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddNonTaxFrontend();
        _web = builder.Build();
        _web.MapNonTaxFrontend();
        await _web.StartAsync();

        // The frontend creates the roles and the initial administrator once it reaches the database.
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            await using var scope = WebServices.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>().FindByNameAsync(AdminUser) is not null;
        }));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's Chromium; the tests never download a browser.
            ExecutablePath = Environment.GetEnvironmentVariable("NONTAX_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }

        await base.DisposeAsync();
        Directory.Delete(EBillKeyDirectory, recursive: true);
    }

    /// <summary>Creates a user with a password of their own (no forced change) in one role.</summary>
    public async Task<string> CreateUserAsync(string role, string? unitCode = null, bool mustChangePassword = false)
    {
        await using var scope = WebServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
        var name = $"{role.Split('-')[0]}-{Guid.NewGuid():N}"[..20];
        var user = new WebUser
        {
            UserName = name,
            DisplayName = "测试用户",
            UnitCode = unitCode,
            OrganisationLevel = unitCode is null ? OrganisationLevel.Bureau : OrganisationLevel.Unit,
            MustChangePassword = mustChangePassword,
        };
        var created = await users.CreateAsync(user, UserPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return name;
    }

    /// <summary>A new browser context (own cookies) signed in as the user.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, string password = UserPassword)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("#login");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>Saves a screenshot for docs/user-guide.md when NONTAX_UPDATE_SCREENSHOTS=1 (never on an ordinary run).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("NONTAX_UPDATE_SCREENSHOTS") != "1")
        {
            return;
        }

        var directory = Path.Combine(FullSilo.RepositoryRoot(), "docs", "user-guide");
        Directory.CreateDirectory(directory);
        await page.SetViewportSizeAsync(1000, 700);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), Type = ScreenshotType.Png });
    }

    /// <summary>An HTTP client of the web app that keeps cookies and does not follow redirects (a refusal stays visible).</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri(BaseUrl),
        };

    /// <summary>Signs <paramref name="userName"/> in through the login form, anti-forgery token and all, as a browser would.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = NewClient();
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = UserPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();
}
