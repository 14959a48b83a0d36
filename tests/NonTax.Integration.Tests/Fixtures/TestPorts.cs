using System.Net;
using System.Net.Sockets;

namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// Ports for test servers that are bound some time after they are chosen. A port the kernel
/// picks for "bind to 0" comes from the ephemeral range, so an outgoing connection (to
/// PostgreSQL, between silos) may take it before the server binds it: "address already in use".
/// Ports below that range are never handed to outgoing connections, and none is given twice
/// in one test run.
/// </summary>
public static class TestPorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free port between {First} and {Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
