using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace NonTax.Integration.Tests.Alerts;

/// <summary>
/// A local HTTP listener standing in for the SMS gateway: records every request, answers 503 while
/// told to fail, else 200 with a message id. Only loopback.
/// </summary>
public sealed class FakeSmsGateway : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private int _accepted;

    public FakeSmsGateway(int port)
    {
        Url = $"http://127.0.0.1:{port}/sms/send/";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/sms/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request's JSON body, in arrival order.</summary>
    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    /// <summary>The bodies of the requests answered 200.</summary>
    public ConcurrentQueue<JsonElement> Accepted { get; } = new();

    /// <summary>Answer the next <paramref name="count"/> requests for messages of <paramref name="alertId"/> 503 (other alerts' requests are not affected).</summary>
    public void FailNext(string alertId, int count) => _failures[alertId] = count;

    /// <summary>Accepted messages for one outbox key (alert|phone).</summary>
    public int AcceptedFor(string clientMsgId) => Accepted.Count(r => r.GetProperty("clientMsgId").GetString() == clientMsgId);

    public int RequestsFor(string clientMsgId) => Requests.Count(r => r.GetProperty("clientMsgId").GetString() == clientMsgId);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
            Requests.Enqueue(body);
            var alertId = body.GetProperty("clientMsgId").GetString()!.Split('|')[0];
            var fail = _failures.TryGetValue(alertId, out var left) && left > 0;
            if (fail)
            {
                _failures[alertId] = left - 1;
            }

            byte[] answer;
            if (fail)
            {
                context.Response.StatusCode = 503;
                answer = Encoding.UTF8.GetBytes("busy");
            }
            else
            {
                Accepted.Enqueue(body);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                answer = Encoding.UTF8.GetBytes($$"""{"code":"0","msgId":"G{{Interlocked.Increment(ref _accepted)}}"}""");
            }

            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }
}
