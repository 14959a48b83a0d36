using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace NonTax.Integration.Tests.Faults;

/// <summary>
/// One silo or edge node as a real process, started as deploy/local/run.sh starts it: the Release
/// build's dll under <c>dotnet</c>, from its project folder, configured by environment variables,
/// its output appended to a log file. Faults are signals: <c>kill -9</c>, SIGTERM (graceful stop),
/// SIGSTOP and SIGCONT.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServiceProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The Release (or whatever this test build is) dll of a project under src/.</summary>
    public static string Dll(string folder, string project)
    {
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(Fixtures.FullSilo.RepositoryRoot(), "src", folder, project, "bin", configuration, "net10.0", project + ".dll");
    }

    public static ServiceProcess Start(string name, string folder, string project, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Fixtures.FullSilo.RepositoryRoot(), "src", folder, project),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll(folder, project));
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"---- {DateTimeOffset.UtcNow:O} starting {name}");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {name}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(name, process, log);
    }

    /// <summary>Waits until <paramref name="url"/> answers 2xx; fails if the process exits first or the time passes.</summary>
    public async Task WaitHealthyAsync(string url, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting (log: {((FileStream)_log.BaseStream).Name})");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{Name} was not healthy at {url} within {within}");
    }

    /// <summary><c>kill -9</c>: no shutdown, no leaving the cluster, sockets reset.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait: the host stops, a silo leaves the cluster and hands its grains on.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (!_process.HasExited)
        {
            await SignalAsync("TERM");
        }

        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public Task PauseAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not run kill");
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await ResumeAsync();
                await KillAsync();
            }
        }
        finally
        {
            _process.Dispose();
            lock (_log)
            {
                _log.WriteLine($"---- {DateTimeOffset.UtcNow:O} {Name} gone");
                _log.Dispose();
            }
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a process that was just disposed.
            }
        }
    }
}
