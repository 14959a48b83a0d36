using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using NonTax.Infrastructure.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace NonTax.SocketEdge.Tests.Logging;

/// <summary>
/// The hosts' log pipeline (<see cref="LoggingExtensions.UseNonTaxMasking"/>) as the console
/// renders it, text and JSON: a token or account number quoted in an exception's message, in an
/// inner exception, or in a property whose name announces nothing never reaches the output.
/// </summary>
public class ExceptionMaskingTests
{
    private const string Account = "6217000011112222333";
    private const string Template = "[{Level:u3}] {Component}: {Message:lj}{NewLine}{Exception}";

    /// <summary>What the console sink does, into a string.</summary>
    private sealed class WriterSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => formatter.Format(logEvent, output);
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static string Render(IReadOnlyDictionary<string, string?> settings, bool json, Action<ILogger> log)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        var logger = new LoggerConfiguration().UseNonTaxMasking(configuration, "edge", writeTo =>
        {
            ITextFormatter formatter = json
                ? new RenderedCompactJsonFormatter()
                : new MessageTemplateTextFormatter(Template, System.Globalization.CultureInfo.InvariantCulture);
            writeTo.Sink(new WriterSink(formatter, output));
        }).CreateLogger();
        log(logger);
        logger.Dispose();
        return output.ToString();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_peer_token_and_an_account_quoted_by_an_exception_are_masked(bool json)
    {
        var token = NewToken();
        KnownSecrets.Register(token);
        var failure = new InvalidOperationException($"MAC check with token {token} failed for account {Account}",
            new FormatException($"inner: {token}"));

        var text = Render(new Dictionary<string, string?>(), json, logger => logger.Error(failure, "Frame from {Peer} refused", "D3206820105"));

        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Account, text, StringComparison.Ordinal);
        Assert.Contains("MAC check with token ***", text, StringComparison.Ordinal);
        Assert.Contains("621************2333", text, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Contains("D3206820105", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_secrets_are_masked_in_exceptions_and_in_properties_of_any_name()
    {
        var apiToken = NewToken();
        var keyText = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var password = NewToken();
        var settings = new Dictionary<string, string?>
        {
            ["Operations:ApiToken"] = apiToken,
            ["Security:TokenKey"] = keyText,
            ["ConnectionStrings:NonTax"] = $"Host=127.0.0.1;Database=nontax;Username=nontax_edge;Password={password}",
        };

        var text = Render(settings, json: false, logger =>
        {
            logger.Warning(new ArgumentException($"bad key {keyText}; connection Password={password}"), "Start-up check failed");
            logger.Information("Operator sent {Information}", $"Bearer {apiToken}");
        });

        Assert.DoesNotContain(apiToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(keyText, text, StringComparison.Ordinal);
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        Assert.Contains("Bearer ***", text, StringComparison.Ordinal);
        Assert.Contains("bad key ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_secrets_passes_unchanged()
    {
        var text = Render(new Dictionary<string, string?>(), json: false,
            logger => logger.Error(new TimeoutException("silo did not answer in 00:00:30"), "Call to {Grain} failed", "notice"));
        Assert.Contains("System.TimeoutException: silo did not answer in 00:00:30", text, StringComparison.Ordinal);
    }
}
