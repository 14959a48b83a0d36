using System.Net;
using System.Text.Json;

namespace NonTax.BankSimulator;

/// <summary>
/// The <c>sms-gateway</c> verb: a stand-in for the bureau's HTTP SMS gateway on loopback, so the
/// sandbox's alert SMS have somewhere to go. It takes the JSON the silo's gateway client posts
/// (account, mobile, content, clientMsgId…), answers <c>{"code":"0","msgId":…}</c> and prints one
/// line per message; it sends nothing anywhere.
/// </summary>
public sealed class SandboxSmsGateway : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TextWriter _output;
    private readonly Task _loop;
    private readonly List<(string Mobile, string Content, string ClientMsgId)> _received = [];
    private readonly Lock _gate = new();
    private int _sequence;

    public SandboxSmsGateway(int port, TextWriter output)
    {
        _output = output;
        Url = $"http://127.0.0.1:{port}/sms/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Where the silo posts (<c>Sms:Url</c>).</summary>
    public string Url { get; }

    /// <summary>Every message taken, in order.</summary>
    public IReadOnlyList<(string Mobile, string Content, string ClientMsgId)> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            var root = body.RootElement;
            var mobile = root.TryGetProperty("mobile", out var m) ? m.GetString() ?? "" : "";
            var content = root.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
            var clientMsgId = root.TryGetProperty("clientMsgId", out var id) ? id.GetString() ?? "" : "";
            if (mobile.Length == 0 || content.Length == 0)
            {
                await WriteAsync(response, HttpStatusCode.OK, new { code = "40001", message = "mobile and content are required" });
                return;
            }

            var msgId = $"SBX{Interlocked.Increment(ref _sequence):D8}";
            lock (_gate)
            {
                _received.Add((mobile, content, clientMsgId));
            }

            _output.WriteLine($"SMS {msgId} to {mobile}: {content}");
            await WriteAsync(response, HttpStatusCode.OK, new { code = "0", msgId });
        }
        catch (JsonException)
        {
            await WriteAsync(response, HttpStatusCode.BadRequest, new { code = "40000", message = "not JSON" });
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, HttpStatusCode status, object body)
    {
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(response.OutputStream, body);
        response.Close();
    }
}
