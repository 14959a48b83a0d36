using System.Net;
using Microsoft.AspNetCore.Connections;
using NonTax.Infrastructure.Client;
using NonTax.Infrastructure.Hosting;
using NonTax.Infrastructure.Messages;
using NonTax.Infrastructure.Peers;
using NonTax.Protocol.Identifiers;
using NonTax.SocketEdge.Handlers;
using NonTax.SocketEdge.Maintenance;
using NonTax.SocketEdge.Messages;
using NonTax.SocketEdge.Reconciliation;
using NonTax.SocketEdge.Transport;

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
        var edge = builder.Configuration.GetSection("Edge").Get<EdgeOptions>() ?? new EdgeOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Banks reach the bank port from the network; health stays on loopback unless configured.
            kestrel.Listen(BindAddress.Read(builder.Configuration, "Edge:BindAddress", IPAddress.Any), edge.Port,
                listen => listen.UseConnectionHandler<BankConnectionHandler>());
            kestrel.Listen(BindAddress.Read(builder.Configuration, "Edge:HealthBindAddress", IPAddress.Loopback), edge.HealthPort);
        });
        builder.UseNonTaxClusterClient();
        builder.Services.AddOptions<EdgeOptions>()
            .Bind(builder.Configuration.GetSection("Edge"))
            .PostConfigure<ILogger<EdgeOptions>>((options, logger) => options.FinanceNode = FinanceNodeSetting.Read(builder.Configuration, logger));
        builder.Services.AddNonTaxPeers(builder.Configuration);
        builder.Services.AddSingleton<EdgeMetrics>();
        builder.Services.AddSingleton(services =>
        {
            // The node number keeps MsgIDs of several edge nodes and silos apart.
            var node = MessageIdNode.Claim(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), builder.Configuration.GetValue<int?>("Edge:NodeId"));
            var generator = new MsgIdGenerator(services.GetRequiredService<TimeProvider>(), node);
            return new EdgeMessageIds(generator.Next);
        });
        builder.Services.AddSingleton<ReplyComposer>();
        builder.Services.AddSingleton<IFrameProcessor, InboundFrameProcessor>();
        builder.Services.AddSingleton<IMessageHandler, ConnectivityTestHandler>();
        builder.Services.AddSingleton<IMessageHandler, GreenChannelHandler>();
        builder.Services.AddSingleton<IMessageHandler, TokenChangeHandler>();
        builder.Services.AddSingleton<IMessageHandler, NoticeQueryHandler>();
        builder.Services.AddSingleton<IMessageHandler, PaymentConfirmationHandler>();
        builder.Services.AddSingleton<IMessageHandler, RefundResultHandler>();
        builder.Services.AddSingleton<IMessageHandler, DirectDebitResultHandler>();
        builder.Services.AddSingleton<IMessageHandler, NoticeIssueHandler>();
        builder.Services.AddSingleton<IMessageHandler, EducationQueryHandler>();
        // E-bills: numbers from stock (8999), unit-signed bills countersigned (8981), files (8982).
        builder.Services.AddSingleton(new NonTax.Infrastructure.EBills.EBillLinks(
            builder.Configuration[NonTax.Infrastructure.EBills.EBillLinks.BaseUrlKey] ?? NonTax.Infrastructure.EBills.EBillLinks.DefaultBaseUrl));
        builder.Services.AddSingleton<NonTax.Grains.Abstractions.EBills.IEBillArchive, NonTax.Infrastructure.Projection.Queries.EBills.EBillArchive>();
        builder.Services.AddSingleton<IMessageHandler, BillNumberHandler>();
        builder.Services.AddSingleton<IMessageHandler, EBillExchangeHandler>();
        builder.Services.AddSingleton<IMessageHandler, EBillDownloadHandler>();
        builder.Services.AddHostedService<ReplyPruningService>();
        builder.Services.AddSingleton<IMessageHandler, AccountRefreshAckHandler>();
        // Reconciliation (对账): files stored at the edge, compared by the day grains.
        builder.Services.AddSingleton<ReconciliationFileWriter>();
        builder.Services.AddSingleton<IMessageHandler, TransactionReconciliationHandler>();
        builder.Services.AddSingleton<IMessageHandler, AccountReconciliationHandler>();

        // Money after reconciliation: transfers and arrivals, clearing and remittance results.
        builder.Services.AddSingleton<IMessageHandler, MoneyMovementHandler>();
        builder.Services.AddSingleton<IMessageHandler, ClearingResultHandler>();
        builder.Services.AddSingleton<IMessageHandler, RemittanceResultHandler>();
        return builder;
    }
}
