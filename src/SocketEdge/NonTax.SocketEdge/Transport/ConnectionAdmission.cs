using System.Collections.Concurrent;
using System.Net;

namespace NonTax.SocketEdge.Transport;

/// <summary>
/// Counts the bank connections open now, in all and per source address, and refuses one more
/// beyond <see cref="EdgeOptions.MaxConnections"/> or <see cref="EdgeOptions.MaxConnectionsPerAddress"/>.
/// Together with the read deadline this bounds what a slow-loris or a connection flood can hold:
/// a sender's connections cost at most its own share of slots, each for at most the read timeout.
/// The per-address table holds only addresses with a connection open now.
/// </summary>
public sealed class ConnectionAdmission(int maxConnections, int maxPerAddress)
{
    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private int _open;

    /// <summary>Connections open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Takes a slot for a connection from <paramref name="address"/> (null: not counted per address).</summary>
    public bool TryEnter(IPAddress? address)
    {
        if (Interlocked.Increment(ref _open) > maxConnections)
        {
            Interlocked.Decrement(ref _open);
            return false;
        }

        if (address is null)
        {
            return true;
        }

        var count = _perAddress.AddOrUpdate(address, 1, (_, n) => n + 1);
        if (count <= maxPerAddress)
        {
            return true;
        }

        Exit(address);
        return false;
    }

    /// <summary>Gives back the slot <see cref="TryEnter"/> took.</summary>
    public void Exit(IPAddress? address)
    {
        Interlocked.Decrement(ref _open);
        if (address is null)
        {
            return;
        }

        // Remove the entry when it reaches zero, but only if nobody raised it meanwhile.
        while (_perAddress.TryGetValue(address, out var n))
        {
            if (n <= 1 ? _perAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, n)) : _perAddress.TryUpdate(address, n - 1, n))
            {
                return;
            }
        }
    }
}
