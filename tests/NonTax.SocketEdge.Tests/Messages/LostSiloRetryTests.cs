using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using NonTax.Infrastructure.Peers;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Nodes;
using NonTax.SocketEdge.Messages;

namespace NonTax.SocketEdge.Tests.Messages;

public sealed class LostSiloRetryTests
{
    private static readonly EdgeOptions Options = new()
    {
        LostSiloRetryBudget = TimeSpan.FromSeconds(2),
        LostSiloRetryDelay = TimeSpan.FromMilliseconds(10),
        LostSiloRetryMaxDelay = TimeSpan.FromMilliseconds(40),
    };

    private static readonly InboundRequest Request = new(
        new Peer("B3206820001", NodeKind.AgentBank, "bank", "token", null, null, null, [], [], Enabled: true, Version: 1),
        new CfxEnvelope(Head.Request("B3206820001", "F320682", "2612", "20261202120000000001", new DateOnly(2026, 12, 2)), []),
        new IPEndPoint(IPAddress.Loopback, 40000));

    [Fact]
    public async Task An_idempotent_handler_is_tried_again_until_a_survivor_answers()
    {
        var handler = new ScriptedHandler(idempotent: true,
            new SiloUnavailableException("silo S1 is dead"), new TimeoutException("response did not arrive"), new SiloUnavailableException());

        var outcome = await new LostSiloRetry(Options, TimeProvider.System, NullLogger.Instance).RunAsync(handler, Request, CancellationToken.None);

        Assert.Equal("00000", outcome.Result);
        Assert.Equal(4, handler.Calls);
    }

    [Fact]
    public async Task A_handler_that_is_not_idempotent_runs_once()
    {
        var handler = new ScriptedHandler(idempotent: false, new SiloUnavailableException("silo S1 is dead"));

        await Assert.ThrowsAsync<SiloUnavailableException>(() => new LostSiloRetry(Options, TimeProvider.System, NullLogger.Instance).RunAsync(handler, Request, CancellationToken.None));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_failure_that_says_the_request_is_wrong_is_not_retried()
    {
        var handler = new ScriptedHandler(idempotent: true, new ArgumentException("bad amount"));

        await Assert.ThrowsAsync<ArgumentException>(() => new LostSiloRetry(Options, TimeProvider.System, NullLogger.Instance).RunAsync(handler, Request, CancellationToken.None));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Attempts_stop_when_the_budget_is_spent_and_the_last_failure_surfaces()
    {
        var failures = Enumerable.Repeat<Exception>(new SiloUnavailableException("still dead"), 10_000).ToArray();
        var handler = new ScriptedHandler(idempotent: true, failures);
        var options = new EdgeOptions { LostSiloRetryBudget = TimeSpan.FromMilliseconds(300), LostSiloRetryDelay = TimeSpan.FromMilliseconds(20), LostSiloRetryMaxDelay = TimeSpan.FromMilliseconds(50) };

        await Assert.ThrowsAsync<SiloUnavailableException>(() => new LostSiloRetry(options, TimeProvider.System, NullLogger.Instance).RunAsync(handler, Request, CancellationToken.None));
        Assert.InRange(handler.Calls, 2, 16);
    }

    [Fact]
    public async Task A_node_not_yet_connected_to_the_cluster_waits_before_even_a_single_attempt()
    {
        var handler = new ScriptedHandler(idempotent: false);
        var checks = 0;

        var outcome = await new LostSiloRetry(Options, TimeProvider.System, NullLogger.Instance, () => ++checks > 3).RunAsync(handler, Request, CancellationToken.None);

        Assert.Equal("00000", outcome.Result);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(4, checks);
    }

    [Fact]
    public void Database_and_wrapped_failures_count_as_a_lost_silo_and_wrong_input_does_not()
    {
        Assert.True(LostSiloRetry.IsLostSilo(new Npgsql.NpgsqlException("connection refused")));
        Assert.True(LostSiloRetry.IsLostSilo(new InvalidOperationException("storage write failed", new TimeoutException())));
        Assert.False(LostSiloRetry.IsLostSilo(new FormatException("not a date")));
        Assert.False(LostSiloRetry.IsLostSilo(new InvalidOperationException("no")));
    }

    private sealed class ScriptedHandler(bool idempotent, params Exception[] failures) : IMessageHandler
    {
        public int Calls { get; private set; }

        public IReadOnlyCollection<string> HandledMsgNos { get; } = ["2612"];

        public bool IsIdempotent => idempotent;

        public Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
        {
            var call = Calls++;
            return call < failures.Length
                ? Task.FromException<HandlerOutcome>(failures[call])
                : Task.FromResult(HandlerOutcome.Generic("2612", "00000"));
        }
    }
}
