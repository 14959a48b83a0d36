using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using NonTax.Protocol.Framing;

namespace NonTax.ConventionalNode;

/// <summary>
/// A plain TCP server: one task per connection, frames read with the project's frame reader and
/// answered in order. A client may send one frame and close (as banks do) or keep the connection
/// for more.
/// </summary>
public sealed class ConventionalServer : IAsyncDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(15);
    private readonly MessageHandler _handler;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    public ConventionalServer(MessageHandler handler, IPAddress address, int port)
    {
        _handler = handler;
        _listener = new TcpListener(address, port);
        _listener.Start(1024);
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Requests that failed inside the node (database errors); each was answered with no reply.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    private long _failures;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream);
        var frames = FrameReader.Default;
        try
        {
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                idle.CancelAfter(IdleTimeout);
                var read = await reader.ReadAsync(idle.Token);
                var result = frames.TryRead(read.Buffer, out var consumed);
                if (result.IsComplete)
                {
                    reader.AdvanceTo(consumed);
                    var reply = await _handler.HandleAsync(result.Frame, _stop.Token);
                    if (reply is null)
                    {
                        return;
                    }

                    await stream.WriteAsync(reply, _stop.Token);
                    continue;
                }

                if (result.Status == FrameReadStatus.Invalid || read.IsCompleted)
                {
                    return;
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
        }
        catch (Npgsql.NpgsqlException exception)
        {
            Interlocked.Increment(ref _failures);
            await Console.Error.WriteLineAsync($"request failed: {exception.Message}");
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }
}
