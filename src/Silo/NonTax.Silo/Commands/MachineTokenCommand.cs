using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.MachineTokens;
using Npgsql;

namespace NonTax.Silo.Commands;

/// <summary>
/// <c>dotnet NonTax.Silo.dll machine-token create|list|revoke …</c>: the operator's way to mint a
/// token for the silo's operator API from the shell (run.sh mints the local operator's at first
/// start), with the owner connection string (<c>ConnectionStrings:NonTaxOwner</c>), since the
/// silo's own role may only read tokens. It mints only <c>ops.read</c>/<c>ops.write</c> tokens;
/// tokens with web rights are minted by a person on /admin/machine-tokens. <c>create</c> prints
/// the secret, once, as the only line on standard output; everything else goes to standard error.
/// </summary>
public static class MachineTokenCommand
{
    public const string Verb = "machine-token";

    private static readonly string[] OpsRights = [MachineTokenRights.OpsRead, MachineTokenRights.OpsWrite];

    private const string Usage = """
        usage: NonTax.Silo machine-token create --name <name> [--permissions ops.read,ops.write] [--days 30] [--purpose <text>]
               NonTax.Silo machine-token list
               NonTax.Silo machine-token revoke --name <name>
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = Options(args.Skip(1));
        if (args.Length == 0 || options is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(NonTaxConnectionStrings.Owner(configuration));
        var store = new MachineTokenStore(dataSource, TimeProvider.System);
        var actor = $"cli:{Environment.UserName}";
        switch (args[0])
        {
            case "create":
                {
                    var permissions = (options.GetValueOrDefault("permissions") ?? string.Join(',', OpsRights)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (permissions.FirstOrDefault(p => !OpsRights.Contains(p)) is { } other)
                    {
                        await error.WriteLineAsync($"permission {other}: this command mints only ops.read and ops.write tokens; web rights are given on /admin/machine-tokens");
                        return 2;
                    }

                    if (!int.TryParse(options.GetValueOrDefault("days") ?? "30", System.Globalization.CultureInfo.InvariantCulture, out var days))
                    {
                        await error.WriteLineAsync("days: a whole number");
                        return 2;
                    }

                    var issue = await store.CreateAsync(new MachineTokenDraft(
                        options.GetValueOrDefault("name"), options.GetValueOrDefault("purpose") ?? "operator API from the shell", permissions, null, days, actor));
                    if (issue.Token is not { } token)
                    {
                        await error.WriteLineAsync(issue.Error);
                        return 1;
                    }

                    await error.WriteLineAsync($"machine token {token.Name} ({token.Prefix}…, {string.Join(',', token.Permissions)}) expires {token.ExpiresAt:yyyy-MM-dd HH:mm}Z; the secret is shown once:");
                    await output.WriteLineAsync(issue.Secret);
                    return 0;
                }

            case "list":
                foreach (var token in await store.ListAsync())
                {
                    await output.WriteLineAsync($"{token.Name}\t{token.Prefix}…\t{string.Join(',', token.Permissions)}\t{token.UnitCode ?? "-"}\t{token.StateAt(DateTimeOffset.UtcNow)}\texpires {token.ExpiresAt:yyyy-MM-dd}\tlast used {token.LastUsedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}");
                }

                return 0;

            case "revoke" when options.GetValueOrDefault("name") is { } name:
                if (await store.RevokeAsync(name, actor))
                {
                    await error.WriteLineAsync($"machine token {name} revoked");
                    return 0;
                }

                await error.WriteLineAsync($"no active machine token named {name}");
                return 1;

            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>"--key value" pairs; null when the arguments are not such pairs.</summary>
    private static Dictionary<string, string>? Options(IEnumerable<string> args)
    {
        var list = args.ToList();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i += 2)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
            {
                return null;
            }

            options[list[i][2..]] = list[i + 1];
        }

        return options;
    }
}
