using Microsoft.Extensions.DependencyInjection;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace NonTax.Grains.Tests.Infrastructure;

public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        // Not AddMemoryGrainStorage: its state lives in storage grains that the activation collector
        // may deactivate (the manual clock makes everything look idle for days), losing e.g. the
        // national item code index mid-run. The journal store outlives any activation.
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default,
            (sp, _) => new JournalingMemoryStorage(sp.GetRequiredService<DeepCopier>(), JournalStore.Shared));
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Domain,
            (sp, _) => new JournalingMemoryStorage(sp.GetRequiredService<DeepCopier>(), JournalStore.Shared));
        siloBuilder.UseInMemoryReminderService();
        siloBuilder.Services.AddSingleton<TimeProvider>(ManualClock.Shared);
        siloBuilder.Services.AddNonTaxGrains();
        siloBuilder.Services.AddSingleton<NonTax.Grains.Abstractions.Units.IUnitMonitoringSource>(new FactBacklogSource(JournalStore.Shared));
        siloBuilder.Services.AddSingleton<NonTax.Grains.Abstractions.Notices.IPendingHandOverSource>(new MemoryPendingHandOvers(JournalStore.Shared));
        siloBuilder.Services.AddSingleton<NonTax.Grains.Abstractions.Bills.IBillRangeDirectory>(new FactBillDirectory(JournalStore.Shared));
        // Remittance reads arranged days and its own replayed instructions; pages of two payments
        // make a five-payment day take several writes; treasuries for levels 2 to 4 (5 has none).
        siloBuilder.Services.AddSingleton<NonTax.Grains.Abstractions.MoneyFlow.IRemittanceSource>(new MemoryRemittanceSource(JournalStore.Shared));
        siloBuilder.Services.Configure<NonTax.Grains.MoneyFlow.RemittanceOptions>(o =>
        {
            o.PageSize = 2;
            o.Treasuries[2] = new NonTax.Grains.MoneyFlow.TreasuryAccount { Code = "3200000000", Name = "国家金库江苏省分库" };
            o.Treasuries[3] = new NonTax.Grains.MoneyFlow.TreasuryAccount { Code = "3206000000", Name = "国家金库南通市中心支库" };
            o.Treasuries[4] = new NonTax.Grains.MoneyFlow.TreasuryAccount { Code = "3206820000", Name = "国家金库如皋市支库" };
        });
        // Tests run the sweep by hand and want every pending notice, however young.
        siloBuilder.Services.Configure<OutboxOptions>(o => o.SweepGrace = TimeSpan.Zero);
        // Business refunds go to the sandbox bank that holds the refund reserve.
        siloBuilder.Services.Configure<RefundOptions>(o => o.ReserveBank = "D3206820105");
        // Long enough that a test's burst of edits falls inside one quiet period even on a busy machine.
        siloBuilder.Services.Configure<BaseDataPublishingOptions>(o => o.Debounce = TimeSpan.FromSeconds(2));

        // The notice tests watch what is handed to a bank link, not TCP delivery (the integration
        // tests cover that): the recording link replaces the real one in this cluster.
        siloBuilder.Services.PostConfigure<Orleans.Configuration.GrainTypeOptions>(o => o.Classes.Remove(typeof(NonTax.Grains.Outbound.BankLinkGrain)));
    }
}
