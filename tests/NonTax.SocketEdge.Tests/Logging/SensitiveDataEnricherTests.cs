using NonTax.Infrastructure.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace NonTax.SocketEdge.Tests.Logging;

/// <summary>Through a real Serilog pipeline: what reaches a sink is masked, rendered or not.</summary>
public class SensitiveDataEnricherTests
{
    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private sealed record PeerSecrets(string NodeCode, string Token, string PayerAcct, string Remark);

    private static (Logger Logger, CollectingSink Sink) Logger()
    {
        var sink = new CollectingSink();
        var logger = new LoggerConfiguration().Enrich.With<SensitiveDataEnricher>().WriteTo.Sink(sink).CreateLogger();
        return (logger, sink);
    }

    [Fact]
    public void Named_properties_are_masked_in_the_rendered_message()
    {
        var (logger, sink) = Logger();
        logger.Information("Token {Token} for {PayerAcct}, payer {Mobile}, code {PayCode}, msg {MsgId}",
            "0123456789abcdef0123456789abcdef", "6222021234567890123", "13812345678", "32068225110100000001", "20261127164105123456");
        var rendered = sink.Events.Single().RenderMessage();
        Assert.Equal("Token \"***\" for \"622************0123\", payer \"138****5678\", code \"32068225110100000001\", msg \"20261127164105123456\"", rendered);
    }

    [Fact]
    public void Patterns_in_ordinary_properties_are_masked()
    {
        var (logger, sink) = Logger();
        logger.Warning("Refused: {Information}", "payer 13812345678 account 6222021234567890123 for 32068225110100000001");
        Assert.Equal("\"payer 138****5678 account 622************0123 for 32068225110100000001\"", sink.Events.Single().Properties["Information"].ToString());
    }

    [Fact]
    public void Destructured_objects_and_lists_are_masked_inside()
    {
        var (logger, sink) = Logger();
        var secrets = new PeerSecrets("D3206820105", "0123456789abcdef0123456789abcdef", "6222021234567890123", "call 13812345678");
        logger.Information("Peer {@Peer} phones {Phones}", secrets, new[] { "13812345678" });
        var logEvent = sink.Events.Single();
        var peer = logEvent.Properties["Peer"].ToString();
        Assert.DoesNotContain("0123456789abcdef", peer, StringComparison.Ordinal);
        Assert.DoesNotContain("6222021234567890123", peer, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", peer, StringComparison.Ordinal);
        Assert.Contains("D3206820105", peer, StringComparison.Ordinal);
        Assert.Equal("[\"138****5678\"]", logEvent.Properties["Phones"].ToString());
    }

    [Fact]
    public void An_account_number_logged_as_a_number_is_masked()
    {
        var (logger, sink) = Logger();
        logger.Information("Account {PayeeAccount}", 6222021234567890123L);
        Assert.Equal("\"622************0123\"", sink.Events.Single().Properties["PayeeAccount"].ToString());
    }

    [Fact]
    public void Events_without_sensitive_values_are_left_alone()
    {
        var (logger, sink) = Logger();
        logger.Information("Frame {MsgNo} from {Remote} ({Count} bytes)", "2601", "10.1.2.3:40000", 986);
        Assert.Equal("Frame \"2601\" from \"10.1.2.3:40000\" (986 bytes)", sink.Events.Single().RenderMessage());
    }
}
