using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.Messages;
using Npgsql;

namespace NonTax.Infrastructure.Peers;

public static class PeerServiceCollectionExtensions
{
    /// <summary>Configuration key of the base64 32-byte key that encrypts peer tokens at rest (env <c>Security__TokenKey</c>).</summary>
    public const string TokenKeySetting = "Security:TokenKey";

    /// <summary>Configuration key of the key being retired during a rotation (env <c>Security__PreviousTokenKey</c>):
    /// rows still under it keep decrypting until <c>rotate-token-key</c> has re-encrypted them.</summary>
    public const string PreviousTokenKeySetting = "Security:PreviousTokenKey";

    /// <summary>The peer registry and the message journal, on the application's PostgreSQL data source.</summary>
    public static IServiceCollection AddNonTaxPeers(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(NonTaxConnectionStrings.App(configuration)));
        services.TryAddSingleton(_ => CreateTokenCipher(configuration));
        services.TryAddSingleton<PeerRegistry>();
        services.AddNonTaxMessageJournal(configuration);
        return services;
    }

    /// <summary>The cipher under <c>Security:TokenKey</c> and, during a rotation, <c>Security:PreviousTokenKey</c>.</summary>
    public static TokenAtRestCipher CreateTokenCipher(IConfiguration configuration) => new(
        configuration[TokenKeySetting] is { Length: > 0 } key
            ? key
            : throw new InvalidOperationException($"{TokenKeySetting} is not configured (environment variable Security__TokenKey: base64 of 32 random bytes)."),
        configuration[PreviousTokenKeySetting]);
}
