using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using NonTax.BankSimulator;
using NonTax.BankSimulator.Load;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Integration.Tests.Faults;

/// <summary>
/// Runs the system as processes (<see cref="FaultCluster"/>) under the bank simulator's load on
/// every edge node, injects the scheduled faults one window after another, restores the cluster
/// after each, and hands what the banks were told to <see cref="FaultChecker"/>. The unit
/// platform refuses every 5996 until the last fault is over and then accepts: each one must
/// still arrive exactly once, carried by the links' reminders across every fault.
/// </summary>
public static class FaultRun
{
    private const string FinanceNode = "F320682";
    private const string UnitPlatform = "K3206820001";

    public static async Task<FaultReport> RunAsync(FaultRunOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var peerPorts = new Dictionary<string, int>
        {
            ["D3206820105"] = TestPorts.Next(),
            ["D3206820103"] = TestPorts.Next(),
            ["G000001"] = TestPorts.Next(),
            [UnitPlatform] = TestPorts.Next(),
        };
        await using var cluster = await FaultCluster.CreateAsync(options.PostgresInstance, options.PostgresPort, peerPorts, log);
        // The first silo migrates the database; the others and the edges then start side by side.
        await cluster.StartSiloAsync(1);
        await Task.WhenAll(Enumerable.Range(2, options.Silos - 1).Select(cluster.StartSiloAsync)
            .Concat(Enumerable.Range(1, options.Edges).Select(cluster.StartEdgeAsync)));

        var peers = PeerFile.Read(cluster.PeersFile);
        // Follow-ups (2617 after a 5617) go to the last edge node; a lost one leaves a refund
        // unanswered, which the checker does not count: it checks deliveries to the banks.
        var followUps = new FinanceClient("127.0.0.1", cluster.EdgePorts[^1], FinanceNode);
        var servers = peers.Select(p => new PeerServer(p, followUps, IPAddress.Loopback, p.EndpointPort!.Value)).ToList();
        try
        {
            var unit = servers[Enumerable.Range(0, peers.Count).Single(i => peers[i].NodeCode == UnitPlatform)];
            unit.ReplyResult = "99999";

            var records = new ConcurrentQueue<RequestRecord>();
            var runners = cluster.EdgePorts.Select(port => new LoadRunner(new FinanceClient("127.0.0.1", port, FinanceNode), peers, "127.0.0.1", port, new LoadOptions
            {
                Mix = new Dictionary<LoadOperation, double> { [LoadOperation.Issue] = 1, [LoadOperation.Confirm] = 1, [LoadOperation.Duplicate] = 0.25, [LoadOperation.Query] = 0.25 },
                Concurrency = options.ClientsPerEdge,
                WarmUp = TimeSpan.Zero,
                // Until every fault's window is over (restarts may stretch a window): stopped below.
                Duration = TimeSpan.FromDays(1),
                Persistent = false,
                ConfirmBack = true,
                RequestTimeout = TimeSpan.FromSeconds(30),
                PauseAfterFailure = TimeSpan.FromMilliseconds(500),
            })
            { Observed = records.Enqueue }).ToList();

            var clock = Stopwatch.StartNew();
            var started = DateTimeOffset.UtcNow;
            var load = Task.WhenAll(runners.Select(r => r.RunAsync(cancellationToken)));
            var timeline = new List<(string Fault, DateTimeOffset At)> { ("none (warm-up)", started) };
            await Task.Delay(options.WarmUp, cancellationToken);
            var nextAddedSilo = options.Silos + 1;
            foreach (var fault in options.Faults)
            {
                var at = DateTimeOffset.UtcNow;
                var name = Describe(fault, nextAddedSilo);
                timeline.Add((name, at));
                log($"{clock.Elapsed.TotalSeconds,6:F0}s  {name}");
                await InjectAsync(cluster, fault, options, nextAddedSilo, log);
                if (fault.Kind == FaultKind.AddSilo)
                {
                    nextAddedSilo++;
                }

                var rest = fault.Window - (DateTimeOffset.UtcNow - at);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, cancellationToken);
                }

                // After the last fault the load stops: nothing needs restoring for it.
                if (!ReferenceEquals(fault, options.Faults[^1]))
                {
                    await RestoreAsync(cluster, options, log);
                }
            }

            foreach (var runner in runners)
            {
                runner.Stop();
            }

            await load;
            log($"{clock.Elapsed.TotalSeconds,6:F0}s  load done: {records.Count} requests; the unit platform now accepts 5996");
            unit.ReplyResult = "00000";

            var checker = new FaultChecker(cluster.OwnerConnectionString, options.Settle, log);
            return await checker.CheckAsync(options.Seed, [.. records], timeline, started, servers.SelectMany(s => s.Seen).ToList, cancellationToken);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static string Describe(ScheduledFault fault, int nextAddedSilo) => fault.Kind switch
    {
        FaultKind.KillSilo => $"kill -9 silo{fault.Target}",
        FaultKind.KillEdge => $"kill -9 edge{fault.Target}",
        FaultKind.RestartPostgres => "restart PostgreSQL",
        FaultKind.StopSilo => $"stop silo{fault.Target} (SIGTERM)",
        FaultKind.AddSilo => $"add silo{nextAddedSilo}",
        FaultKind.PauseSilo => $"SIGSTOP silo{fault.Target}, SIGCONT",
        _ => fault.Kind.ToString(),
    };

    private static async Task InjectAsync(FaultCluster cluster, ScheduledFault fault, FaultRunOptions options, int nextAddedSilo, Action<string> log)
    {
        switch (fault.Kind)
        {
            // A killed or stopped process is started again by RestoreAsync at the end of the window.
            case FaultKind.KillSilo:
                await cluster.Silos[fault.Target].KillAsync();
                break;
            case FaultKind.KillEdge:
                await cluster.Edges[fault.Target].KillAsync();
                break;
            case FaultKind.RestartPostgres:
                await cluster.RestartPostgresAsync(TimeSpan.FromSeconds(3));
                break;
            case FaultKind.StopSilo:
                await cluster.Silos[fault.Target].StopAsync(TimeSpan.FromSeconds(90));
                break;
            case FaultKind.AddSilo:
                await cluster.StartSiloAsync(nextAddedSilo);
                break;
            case FaultKind.PauseSilo:
                var paused = cluster.Silos[fault.Target];
                await paused.PauseAsync();
                await Task.Delay(options.Pause);
                await paused.ResumeAsync();
                // Declared dead while it slept, the silo learns so from the table and stops itself.
                for (var i = 0; i < 30 && !paused.HasExited; i++)
                {
                    await Task.Delay(1000);
                }

                log(paused.HasExited ? $"silo{fault.Target} stopped itself after waking (declared dead)" : $"silo{fault.Target} is still running after waking");
                break;
        }
    }

    /// <summary>Back to the configured size after a window: exited processes started again, added silos stopped gracefully.</summary>
    private static async Task RestoreAsync(FaultCluster cluster, FaultRunOptions options, Action<string> log)
    {
        foreach (var (number, silo) in cluster.Silos.ToList())
        {
            if (number > options.Silos)
            {
                await silo.StopAsync(TimeSpan.FromSeconds(90));
                await silo.DisposeAsync();
                cluster.Silos.TryRemove(number, out _);
                log($"silo{number} left");
            }
            else if (silo.HasExited)
            {
                await silo.DisposeAsync();
                await cluster.StartSiloAsync(number);
            }
        }

        foreach (var (number, edge) in cluster.Edges.ToList())
        {
            if (edge.HasExited)
            {
                await edge.DisposeAsync();
                await cluster.StartEdgeAsync(number);
            }
        }
    }
}
