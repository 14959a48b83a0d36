using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.Peers;
using Npgsql;

namespace NonTax.Silo.Commands;

/// <summary>
/// <c>dotnet NonTax.Silo.dll rotate-token-key</c>: re-encrypts every token stored under
/// <c>Security:PreviousTokenKey</c> with <c>Security:TokenKey</c> in one transaction, on the silo's
/// own connection (<c>ConnectionStrings:NonTax</c>), and prints the counts. Exit code 0 when done
/// (or nothing was left to do), 2 when some row decrypts under neither key: it names the rows and
/// changes nothing. The order around it is in docs/operations.md "Runbook: tokens and emergencies".
/// </summary>
public static class RotateTokenKeyCommand
{
    public const string Name = "rotate-token-key";

    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var cipher = PeerServiceCollectionExtensions.CreateTokenCipher(configuration);
        if (!cipher.HasPreviousKey)
        {
            output.WriteLine($"{PeerServiceCollectionExtensions.PreviousTokenKeySetting} is not configured: checking that every stored token is under the current key.");
        }

        await using var dataSource = NpgsqlDataSource.Create(NonTaxConnectionStrings.App(configuration));
        var report = await TokenKeyRotation.RotateAsync(dataSource, cipher, cancellationToken);
        if (report.Refused)
        {
            output.WriteLine($"Refused, nothing changed: {report.Unreadable.Count} stored token(s) decrypt under neither key:");
            foreach (var row in report.Unreadable)
            {
                output.WriteLine($"  {row}");
            }

            return 2;
        }

        output.WriteLine(
            $"Re-encrypted under the current key: {report.PeerTokensRotated} peer token(s), {report.PreviousPeerTokensRotated} previous token(s) " +
            $"in their grace period, {report.ProposedTokensRotated} pending token proposal(s); {report.AlreadyCurrent} already under the current key.");
        return 0;
    }
}
