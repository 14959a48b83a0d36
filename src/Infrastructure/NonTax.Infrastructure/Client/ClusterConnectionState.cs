using Microsoft.Extensions.Logging;

namespace NonTax.Infrastructure.Client;

/// <summary>
/// Whether this host's Orleans client is connected: set when the client finishes starting
/// (which only happens once a gateway answered) and kept current from gateway notifications.
/// </summary>
public sealed class ClusterConnectionState(ILogger<ClusterConnectionState> logger)
    : IClusterConnectionStatusObserver, ILifecycleParticipant<IClusterClientLifecycle>
{
    private volatile bool _started;
    private volatile int _gateways = -1;

    public bool IsConnected => _started && _gateways != 0;

    public void Participate(IClusterClientLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusterConnectionState), ServiceLifecycleStage.Active,
            _ =>
            {
                _started = true;
                logger.LogInformation("Connected to the Orleans cluster");
                return Task.CompletedTask;
            },
            _ =>
            {
                _started = false;
                return Task.CompletedTask;
            });

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        _gateways = currentNumberOfGateways;

    public void NotifyClusterConnectionLost()
    {
        _gateways = 0;
        logger.LogWarning("Lost the connection to the Orleans cluster");
    }
}
