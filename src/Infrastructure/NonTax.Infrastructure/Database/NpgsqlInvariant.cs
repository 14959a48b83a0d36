using System.Data.Common;
using Npgsql;

namespace NonTax.Infrastructure.Database;

/// <summary>
/// The ADO.NET invariant name every Orleans provider is configured with. Orleans finds the
/// provider factory by this name through <see cref="DbProviderFactories"/>, which .NET does not
/// populate from configuration, so it must be registered before the first provider starts.
/// </summary>
public static class NpgsqlInvariant
{
    public const string Name = "Npgsql";

    public static void EnsureRegistered()
    {
        if (!DbProviderFactories.TryGetFactory(Name, out _))
        {
            DbProviderFactories.RegisterFactory(Name, NpgsqlFactory.Instance);
        }
    }
}
