using Microsoft.AspNetCore.Connections;
using NonTax.Infrastructure.Client;
using NonTax.SocketEdge.Connections;

namespace NonTax.SocketEdge.Hosting;

public static class EdgeHostExtensions
{
    /// <summary>
    /// The socket edge: bank TCP endpoint on <c>Edge:Port</c> (default 9100) handled by
    /// <see cref="BankConnectionHandler"/>, health over HTTP on <c>Edge:HealthPort</c> (default
    /// 8081), and an Orleans client of the cluster.
    /// </summary>
    public static WebApplicationBuilder AddNonTaxSocketEdge(this WebApplicationBuilder builder)
    {
        var bankPort = builder.Configuration.GetValue("Edge:Port", 9100);
        var healthPort = builder.Configuration.GetValue("Edge:HealthPort", 8081);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenAnyIP(bankPort, listen => listen.UseConnectionHandler<BankConnectionHandler>());
            kestrel.ListenAnyIP(healthPort);
        });
        builder.UseNonTaxClusterClient();
        return builder;
    }
}
