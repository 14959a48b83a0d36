using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using NonTax.Frontend.Accounts;
using NonTax.Frontend.Alerts;
using NonTax.Frontend.Api;
using NonTax.Frontend.Audit;
using NonTax.Frontend.Bills;
using NonTax.Frontend.Clearing;
using NonTax.Frontend.Health;
using NonTax.Frontend.MachineTokens;
using NonTax.Frontend.Notices;
using NonTax.Frontend.Payment;
using NonTax.Frontend.Peers;
using NonTax.Frontend.Reconciliation;
using NonTax.Frontend.Refunds;
using NonTax.Frontend.Reports;
using NonTax.Frontend.Rights;
using NonTax.Frontend.Wall;
using NonTax.Grains.Abstractions.Refunds;
using NonTax.Infrastructure.Alerts;
using NonTax.Infrastructure.Client;
using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.Hosting;
using NonTax.Infrastructure.MachineTokens;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Infrastructure.Projection.Queries.Bills;
using Npgsql;
using Orleans.Dashboard;

namespace NonTax.Frontend.Hosting;

public static class FrontendHostExtensions
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    /// <summary>
    /// The web frontend on <c>Frontend:Port</c> (default 5000): Razor Pages for staff and payers,
    /// ASP.NET Core Identity on PostgreSQL, a JSON API with an OpenAPI description, the monitoring
    /// wall's SignalR hub; an Orleans client of the cluster.
    /// </summary>
    public static WebApplicationBuilder AddNonTaxFrontend(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.GetValue("Frontend:Port", 5000);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        // The Orleans Dashboard is served here too, behind the operations role (the silos host its grains).
        builder.UseNonTaxClusterClient(client => client.AddDashboard());

        var services = builder.Services;
        services.AddSingleton(_ => NpgsqlDataSource.Create(NonTaxConnectionStrings.App(builder.Configuration)));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.Ready]);
        services.AddDbContext<WebIdentityDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddIdentity<WebUser, IdentityRole>(o =>
            {
                // The bureau's rule: upper and lower case letters, digits and symbols, at least 8 characters.
                o.Password.RequiredLength = 8;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Web:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = builder.Configuration.GetValue("Web:LockoutDuration", TimeSpan.FromMinutes(15));
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<WebIdentityDbContext>()
            .AddClaimsPrincipalFactory<WebClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "nontax.web";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The JSON API answers 401/403 instead of redirecting to a page.
            o.Events.OnRedirectToLogin = c => ApiAwareRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAwareRedirect(c, StatusCodes.Status403Forbidden);
        });

        // Programs sign in with a machine token as a bearer; everyone else with the cookie. The
        // selector looks only at the Authorization header, so a token is never taken from a cookie
        // or the query string, and a bearer call never falls back to the cookie.
        services.AddSingleton<MachineTokenStore>();
        services.AddScoped<MachineTokenDesk>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = MachineTokenSchemes.Selector;
                o.DefaultAuthenticateScheme = MachineTokenSchemes.Selector;
                o.DefaultChallengeScheme = MachineTokenSchemes.Selector;
                o.DefaultForbidScheme = MachineTokenSchemes.Selector;
            })
            .AddScheme<AuthenticationSchemeOptions, MachineTokenAuthenticationHandler>(MachineTokenSchemes.Bearer, null)
            .AddPolicyScheme(MachineTokenSchemes.Selector, null, o => o.ForwardDefaultSelector = context =>
                MachineTokenSchemes.IsBearerRequest(context.Request) ? MachineTokenSchemes.Bearer : IdentityConstants.ApplicationScheme);

        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorization(o =>
        {
            foreach (var permission in Permission.All)
            {
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }

        });

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese first: the browser's language does not decide, only the user's own choice (cookie) or ?culture=.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                // Every page needs a signed-in user unless it is one of the few that must not.
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/Denied");
                o.Conventions.AllowAnonymousToPage("/Account/Logout");
                o.Conventions.AllowAnonymousToFolder("/Pay");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        // Chinese text is written as itself, not as &#x…; entities (pages half the size, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddOpenApi();
        services.AddSignalR();

        services.AddScoped<AuditTrail>();
        services.AddHostedService<AccountBootstrap>();
        services.AddSingleton(TimeProvider.System);
        // Peers and their token changes: the silo applies them (it alone holds the token key).
        services.AddScoped<PeerTokenChanges>();
        // Refunds and reconciliation: the same grains and projection queries as the operator API.
        services.AddSingleton<IRefundLog, RefundLog>();
        services.AddSingleton<ReconciliationQueries>();
        services.AddSingleton<NonTax.Infrastructure.Projection.Queries.BankAccounts.BankAccountQueries>();
        services.AddHttpClient(SystemHealth.HttpClientName);
        services.AddScoped<SystemHealth>();
        services.AddSingleton<AlertLog>();
        services.AddSingleton<ClearingStatusQuery>();
        services.AddSingleton<BillStockQuery>();
        services.AddScoped<BillStockView>();
        services.AddScoped<AlertDesk>();
        services.AddScoped<RefundDesk>();
        services.AddScoped<ReconciliationDesk>();
        services.AddScoped<NoticeDesk>();
        services.AddScoped<NoticeSearch>();
        services.AddSingleton<ReportRunner>();
        services.AddSingleton<ReportExport>();
        services.AddScoped<ReportDesk>();
        services.AddScoped<NoticeImporter>();
        services.AddSingleton<NoticeImportTemplate>();
        services.AddSingleton<PaymentQrCode>();
        services.AddSingleton<NonTax.Grains.Abstractions.EBills.IEBillArchive, NonTax.Infrastructure.Projection.Queries.EBills.EBillArchive>();
        services.AddSingleton<PayerEBills>();
        services.AddScoped<NonTax.Frontend.EBills.EBillDesk>();
        // The bill face PDF; its CJK font is checked at startup (a missing one is a critical log line).
        services.AddSingleton<NonTax.Frontend.EBills.BillFacePdf>();
        services.AddHostedService<NonTax.Frontend.EBills.BillFaceFontCheck>();
        services.AddSingleton<WallFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<WallFeed>());
        return builder;
    }

    public static WebApplication MapNonTaxFrontend(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<MachineTokenAudit>();
        app.UseMiddleware<ForcedPasswordChange>();
        app.UseAuthorization();
        app.MapNonTaxHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        // The payer's e-bill file (no sign-in; the bill's check code is the key): the link of 5981 Invoice_Url.
        app.MapGet("/ebills/{key}", async (string key, string? check, PayerEBills bills, CancellationToken cancellationToken) =>
                await bills.DownloadAsync(key, check, cancellationToken) is { } bill
                    ? Results.File(bill.Document, "application/xml", $"{bill.Key}.xml")
                    : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        // The same bill's face as a PDF, for the same check code.
        app.MapGet("/ebills/{key}/pdf", async (string key, string? check, PayerEBills bills, NonTax.Frontend.EBills.BillFacePdf pdf, CancellationToken cancellationToken) =>
                await bills.DownloadAsync(key, check, cancellationToken) is { } bill ? pdf.Answer(bill) : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapNonTaxApi();
        app.MapPeerApi();
        app.MapRefundApi();
        app.MapEBillApi();
        app.MapReconciliationApi();
        app.MapAlertApi();
        app.MapStatusApi();
        app.MapReportApi();
        app.MapMachineTokenApi();
        app.MapOrleansDashboard(routePrefix: "/ops/dashboard").RequireAuthorization(Permission.OpsDashboard);
        app.MapHub<WallHub>("/hubs/wall").RequireAuthorization(Permission.WallView);
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context) =>
        {
            var culture = Cultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous();
        return app;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
