namespace NonTax.Silo.Operations;

/// <summary>
/// The operator API on the silo's operations port (docs/operations.md "Operator API"): bank link
/// messages, green channel, peers, base-data pushes. Everything under <c>/ops</c> is behind <see cref="OperatorApiGate"/>.
/// </summary>
public static class OperatorApi
{
    public const string Prefix = "/ops";

    public static IServiceCollection AddNonTaxOperatorApi(this IServiceCollection services)
    {
        services.AddSingleton<GreenChannelInbox>();
        return services;
    }

    public static WebApplication MapNonTaxOperatorApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), gated => gated.UseMiddleware<OperatorApiGate>());
        app.MapGroup(Prefix)
            .MapLinkEndpoints()
            .MapGreenChannelEndpoints()
            .MapPeerEndpoints()
            .MapBaseDataEndpoints()
            .MapBaseDataImportEndpoints()
            .MapRefundEndpoints()
            .MapClearingEndpoints();
        return app;
    }
}
