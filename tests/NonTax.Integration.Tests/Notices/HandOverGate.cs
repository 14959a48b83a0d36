using System.Collections.Concurrent;
using NonTax.Grains.Abstractions.Outbound;

namespace NonTax.Integration.Tests.Notices;

/// <summary>
/// An incoming call filter in front of the real <c>BankLinkGrain.Enqueue</c>: per peer it counts
/// hand-overs, can hold them until released (a slow link) or fail the next one (a link, or silo,
/// gone at the wrong moment). Everything else passes untouched.
/// </summary>
public sealed class HandOverGate : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failNext = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    public int AttemptsTo(string peer) => _attempts.GetValueOrDefault(peer);

    /// <summary>Hand-overs to <paramref name="peer"/> wait until the returned source is completed.</summary>
    public TaskCompletionSource Hold(string peer) =>
        _holds.GetOrAdd(peer, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release(string peer)
    {
        if (_holds.TryRemove(peer, out var hold))
        {
            hold.TrySetResult();
        }
    }

    public void FailNext(string peer) => _failNext[peer] = true;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IBankLinkGrain && context.MethodName == nameof(IBankLinkGrain.Enqueue))
        {
            var peer = context.TargetId.Key.ToString()!;
            _attempts.AddOrUpdate(peer, 1, (_, n) => n + 1);
            if (_holds.TryGetValue(peer, out var hold))
            {
                await hold.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }

            if (_failNext.TryRemove(peer, out _))
            {
                throw new IOException($"Injected: the hand-over to {peer} was lost.");
            }
        }

        await context.Invoke();
    }
}
