using Microsoft.AspNetCore.Identity;
using NonTax.Frontend.Audit;
using Npgsql;

namespace NonTax.Frontend.Accounts;

/// <summary>
/// At start: makes sure every role exists and, when no finance administrator exists yet, creates
/// the initial one (<c>Web:InitialAdminUser</c>, default <c>admin</c>) with the password given in
/// <c>Web:InitialAdminPassword</c> (run.sh generates it into .state/, it is never in the
/// repository), flagged to change it at first login. Waits for the schema while the silo migrates.
/// </summary>
public sealed class AccountBootstrap(IServiceProvider services, IConfiguration configuration, ILogger<AccountBootstrap> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await EnsureAsync();
                return;
            }
            catch (Exception e) when (e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } or NpgsqlException
                                          || e.InnerException is PostgresException or NpgsqlException)
            {
                logger.LogWarning("Accounts not ready (attempt {Attempt}): {Reason}; retrying", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task EnsureAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in WebRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
        if ((await users.GetUsersInRoleAsync(WebRoles.FinanceAdministrator)).Count > 0)
        {
            return;
        }

        var password = configuration["Web:InitialAdminPassword"];
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("No finance administrator exists and Web:InitialAdminPassword is not set: nobody can sign in to manage users");
            return;
        }

        var name = configuration["Web:InitialAdminUser"] is { Length: > 0 } configured ? configured : "admin";
        var admin = new WebUser { UserName = name, DisplayName = "初始管理员", MustChangePassword = true };
        Check(await users.CreateAsync(admin, password), $"user {name}");
        Check(await users.AddToRoleAsync(admin, WebRoles.FinanceAdministrator), $"role of {name}");
        await scope.ServiceProvider.GetRequiredService<AuditTrail>()
            .RecordAsync("user.bootstrap", name, AuditTrail.Succeeded, "initial finance administrator, must change password", actor: "system");
        logger.LogInformation("Created the initial finance administrator {User}; the password must be changed at first sign-in", name);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
