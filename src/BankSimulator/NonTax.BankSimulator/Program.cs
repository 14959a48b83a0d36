using System.Net;
using NonTax.BankSimulator;

var arguments = new SimulatorArguments(args);
if (arguments.Verb is "help" or "--help" or "-h")
{
    Console.WriteLine(Scenarios.Usage);
    return 0;
}

var edge = arguments.Option("edge", "127.0.0.1:9100");
var separator = edge.LastIndexOf(':');
var finance = new FinanceClient(edge[..separator], int.Parse(edge[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture), arguments.Option("finance", "F320682"));
var peersFile = arguments.Option("peers", Path.Combine(".state", "dev", "sandbox-peers.json"));
if (!File.Exists(peersFile))
{
    Console.Error.WriteLine($"Peers file {peersFile} not found: start the system first (deploy/local/run.sh) or pass --peers.");
    return 2;
}

var scenarios = new Scenarios(finance, PeerFile.Read(peersFile), IPAddress.Loopback, Console.Out);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await scenarios.RunAsync(arguments, stop.Token);
}
catch (Exception exception) when (exception is ArgumentException or IOException or System.Net.Sockets.SocketException)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}
