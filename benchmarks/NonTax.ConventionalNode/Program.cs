using System.Globalization;
using System.Net;
using NonTax.ConventionalNode;
using Npgsql;

// The baseline for docs/performance.md: the same protocol on the same database without actors.
//   dotnet NonTax.ConventionalNode.dll --port 9120 --peers .state/dev/sandbox-peers.json [--finance F320682]
// Connection string (a role that may create schema "conventional"): NONTAX_CONVENTIONAL_PG.
string Option(string name, string? fallback = null)
{
    var index = Array.IndexOf(args, "--" + name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
}

var connectionString = Environment.GetEnvironmentVariable("NONTAX_CONVENTIONAL_PG")
    ?? throw new ArgumentException("set NONTAX_CONVENTIONAL_PG to a PostgreSQL connection string");
var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = int.Parse(Option("pool", "64"), CultureInfo.InvariantCulture) };
await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
await ConventionalSchema.CreateAsync(dataSource, CancellationToken.None);
var handler = new MessageHandler(PeerTokens.Read(Option("peers")), new ConventionalLedger(dataSource, TimeProvider.System), Option("finance", "F320682"), TimeProvider.System);
await using var server = new ConventionalServer(handler, IPAddress.Loopback, int.Parse(Option("port", "9120"), CultureInfo.InvariantCulture));
Console.WriteLine($"conventional node listening on 127.0.0.1:{server.Port}; Ctrl-C or SIGTERM stops it");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

Console.WriteLine($"conventional node stopped ({server.Failures} failed requests)");
