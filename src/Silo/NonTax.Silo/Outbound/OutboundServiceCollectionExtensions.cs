using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Outbound;
using NonTax.Infrastructure.Hosting;
using NonTax.Infrastructure.Messages;
using NonTax.Infrastructure.Peers;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Protocol.Identifiers;

namespace NonTax.Silo.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>Bank links' real transport: TCP short connections signed with the peers' tokens.</summary>
    public static IServiceCollection AddNonTaxOutboundLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNonTaxPeers(configuration);
        services.Configure<BankLinkOptions>(configuration.GetSection("BankLink"));
        services.AddSingleton(sp => new FinanceNodeIdentity(FinanceNodeSetting.Read(configuration, sp.GetRequiredService<ILogger<FinanceNodeIdentity>>())));
        services.AddSingleton(sp => new MsgIdGenerator(
            sp.GetRequiredService<TimeProvider>(),
            MessageIdNode.Claim(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), configuration.GetValue<int?>("FinanceNode:MsgIdNode"))));
        services.AddSingleton<IMessageIdSource, SiloMessageIds>();
        services.AddSingleton<IOutboundTransport, TcpOutboundTransport>();
        services.AddSingleton<IOutboundMessageLog, OutboundMessageLog>();
        services.AddSingleton<NonTax.Grains.Abstractions.Refunds.IRefundLog, RefundLog>();
        return services;
    }
}
