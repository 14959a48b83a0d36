using Microsoft.Extensions.Configuration;

namespace NonTax.Infrastructure.Database;

/// <summary>
/// Connection strings by role: <c>ConnectionStrings:NonTax</c> is the least-privilege application
/// role (nontax_app) every host uses at run time; <c>ConnectionStrings:NonTaxOwner</c> is the
/// schema owner (nontax_owner), needed only to run migrations.
/// </summary>
public static class NonTaxConnectionStrings
{
    public const string AppName = "NonTax";
    public const string OwnerName = "NonTaxOwner";

    public static string App(IConfiguration configuration) => Require(configuration, AppName);

    public static string Owner(IConfiguration configuration) => Require(configuration, OwnerName);

    private static string Require(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{name}' is not configured (set ConnectionStrings:{name} or the environment variable ConnectionStrings__{name}).");
}
