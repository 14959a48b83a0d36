using Microsoft.AspNetCore.Connections;

namespace NonTax.SocketEdge.Connections;

/// <summary>
/// PLACEHOLDER: the TCP endpoint for banks (<c>Edge:Port</c>) is wired to this handler; it closes
/// every connection at once. The protocol work replaces it with the CNNONTAX frame handler.
/// </summary>
public sealed class BankConnectionHandler(ILogger<BankConnectionHandler> logger) : ConnectionHandler
{
    public override Task OnConnectedAsync(ConnectionContext connection)
    {
        logger.LogInformation("Bank connection {ConnectionId} from {RemoteEndPoint} closed: handler not implemented",
            connection.ConnectionId, connection.RemoteEndPoint);
        connection.Abort();
        return Task.CompletedTask;
    }
}
