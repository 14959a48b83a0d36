using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions.Alerts;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace NonTax.Infrastructure.Alerts;

/// <summary>
/// The shipped <see cref="ISmsProvider"/>: POSTs JSON <c>{account, password, mobile, content,
/// signature, clientMsgId}</c> to the gateway. A 2xx answer is accepted unless its JSON says
/// otherwise (<c>"code"</c> other than "0"/"OK"); its <c>msgId</c>, when present, is the reference.
/// Transient failures are retried with exponential backoff (Polly) before the outcome is reported;
/// the dispatcher retries a failed message again later from the durable outbox. clientMsgId is the
/// outbox key, so a gateway that de-duplicates drops a repeat after a crash between send and record.
/// </summary>
public sealed class HttpSmsGateway : ISmsProvider, IDisposable
{
    private readonly HttpClient _http;
    private readonly IOptionsMonitor<SmsGatewayOptions> _options;
    private readonly ILogger<HttpSmsGateway> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public HttpSmsGateway(IOptionsMonitor<SmsGatewayOptions> options, ILogger<HttpSmsGateway> logger, HttpMessageHandler? handler = null)
    {
        _options = options;
        _logger = logger;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        var settings = options.CurrentValue;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(settings.Retries, 1),
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
                OnRetry = args =>
                {
                    _logger.LogInformation("SMS gateway attempt {Attempt} failed ({Outcome}); retrying", args.AttemptNumber + 1,
                        args.Outcome.Exception?.GetType().Name ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        var settings = _options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.Url))
        {
            return SmsSendResult.Failed("Sms:Url is not configured");
        }

        var body = new
        {
            account = settings.Account,
            password = settings.Password,
            mobile = message.Phone,
            content = message.Body,
            signature = settings.Signature,
            clientMsgId = message.Key,
        };
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token => await _http.PostAsJsonAsync(settings.Url, body, token), cancellationToken);
            return await ReadAsync(response, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            return SmsSendResult.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    private static async Task<SmsSendResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return SmsSendResult.Failed($"HTTP {(int)response.StatusCode}: {Shorten(text)}");
        }

        try
        {
            using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code)
                && code.ToString() is var value && value is not ("0" or "OK" or "ok"))
            {
                return SmsSendResult.Failed($"gateway code {value}: {Shorten(text)}");
            }

            var reference = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("msgId", out var id) ? id.ToString() : null;
            return SmsSendResult.Ok(reference);
        }
        catch (JsonException)
        {
            // A 2xx without JSON: the gateway took it.
            return SmsSendResult.Ok(null);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];
}
