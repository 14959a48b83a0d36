using NonTax.Infrastructure.Client;

namespace NonTax.Frontend.Hosting;

public static class FrontendHostExtensions
{
    /// <summary>The web frontend on <c>Frontend:Port</c> (default 5000), an Orleans client of the cluster.</summary>
    public static WebApplicationBuilder AddNonTaxFrontend(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.GetValue("Frontend:Port", 5000);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        builder.UseNonTaxClusterClient();
        return builder;
    }
}
