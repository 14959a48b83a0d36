using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NonTax.Persistence.Projection.Projectors;
using NonTax.Persistence.Storage;

namespace NonTax.Persistence.Projection;

public static class ProjectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IFactProjector"/>s that fill the typed tables of 0200_nontax_projections.sql.
    /// The batched domain storage resolves every registered projector, so the rows commit with the
    /// grain write that recorded the fact. Calling this twice registers nothing twice.
    /// </summary>
    public static IServiceCollection AddNonTaxProjections(this IServiceCollection services)
    {
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IFactProjector, NoticeProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, PaymentConfirmationProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, TechnicalRefundProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, UnitBlockProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, BaseDataChangeProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, OutboundMessageProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, AlertProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, BaseDataPushProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, BusinessRefundProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, AlertHandlingProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, DirectDebitProjector>(),
            // Bill stock and e-bills (engineer C)
            ServiceDescriptor.Singleton<IFactProjector, BillStockProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, EBillProjector>(),
            // Reconciliation (对账)
            ServiceDescriptor.Singleton<IFactProjector, ReconciliationProjector>(),

            // Money after reconciliation (account movements, clearing, remittance).
            ServiceDescriptor.Singleton<IFactProjector, AccountMovementProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, ClearingProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, RemittanceProjector>(),
            ServiceDescriptor.Singleton<IFactProjector, BankAccountProjector>(),
        ]);
        return services;
    }
}
