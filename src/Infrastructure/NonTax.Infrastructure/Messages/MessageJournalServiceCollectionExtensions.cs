using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NonTax.Infrastructure.Messages;

public static class MessageJournalServiceCollectionExtensions
{
    /// <summary>The process's one <see cref="MessageJournal"/>, tuned by the <c>MessageJournal</c> section.</summary>
    public static IServiceCollection AddNonTaxMessageJournal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessageJournalOptions>()
            .Bind(configuration.GetSection(MessageJournalOptions.SectionName))
            .Validate(o => o.MaxBatchSize >= 1 && o.ConcurrentBatches >= 1 && o.MaxDelay >= TimeSpan.Zero,
                "MessageJournal:MaxBatchSize and ConcurrentBatches must be at least 1, MaxDelay not negative.")
            .ValidateOnStart();
        services.TryAddSingleton<MessageJournal>();
        return services;
    }
}
