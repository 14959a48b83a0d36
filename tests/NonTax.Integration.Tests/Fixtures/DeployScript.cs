using System.Diagnostics;
using System.Reflection;
using System.Text;
using Npgsql;

namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// Runs one of the operator scripts of <c>deploy/local</c> as an operator would, against the test
/// server: the libpq variables name the server and role of a connection string, so the scripts'
/// "any server" path (PGHOST set) is what runs.
/// </summary>
public static class DeployScript
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>The scripts print their one result (a file, a database) as the last line of stdout.</summary>
        public string LastLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
    }

    public static Process Start(string script, string connectionString, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(FullSilo.RepositoryRoot(), "deploy", "local", script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        info.Environment["PGHOST"] = target.Host;
        info.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGDATABASE"] = target.Database;
        info.Environment["PGUSER"] = target.Username;
        info.Environment["PGPASSWORD"] = target.Password;
        info.Environment["NONTAX_SILO_DLL"] = SiloDll();
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {script}");
    }

    public static async Task<Result> WaitAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await error);
    }

    public static Task<Result> RunAsync(string script, string connectionString, params string[] arguments) =>
        WaitAsync(Start(script, connectionString, null, arguments));

    /// <summary>The silo built beside these tests (same configuration), for the scripts' migrate step.</summary>
    private static string SiloDll()
    {
        var configuration = typeof(DeployScript).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(FullSilo.RepositoryRoot(), "src", "Silo", "NonTax.Silo", "bin", configuration, "net10.0", "NonTax.Silo.dll");
    }

    public static string Describe(this Result result) =>
        new StringBuilder().Append("exit ").Append(result.ExitCode).AppendLine().AppendLine(result.Output).Append(result.Error).ToString();
}
