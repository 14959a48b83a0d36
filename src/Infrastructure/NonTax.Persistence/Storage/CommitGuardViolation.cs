using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace NonTax.Persistence.Storage;

/// <summary>
/// A failure raised by one of the SQL guards: which unit of the batch, which rule, and for a
/// claim the owner that holds it. Parsed from the message because Npgsql hides error details by
/// default and the message is always sent.
/// </summary>
internal sealed partial record CommitGuardViolation(CommitGuardKind Kind, int UnitNumber, string? ExistingOwner, string Message)
{
    public const string StaleStateCode = "NX001";
    public const string ClaimHeldCode = "NX002";

    public static bool TryParse(PostgresException exception, out CommitGuardViolation violation)
    {
        violation = null!;
        var kind = exception.SqlState switch
        {
            StaleStateCode => CommitGuardKind.StaleState,
            ClaimHeldCode => CommitGuardKind.ClaimHeld,
            _ => (CommitGuardKind?)null,
        };
        if (kind is null)
        {
            return false;
        }

        var match = UnitPattern().Match(exception.MessageText);
        if (!match.Success)
        {
            return false;
        }

        var unit = int.Parse(match.Groups["unit"].Value, CultureInfo.InvariantCulture);
        var owner = match.Groups["owner"].Success ? match.Groups["owner"].Value : null;
        violation = new CommitGuardViolation(kind.Value, unit, owner, exception.MessageText);
        return true;
    }

    [GeneratedRegex(@"unit=(?<unit>\d+)(, owner=(?<owner>.*))?$", RegexOptions.Singleline)]
    private static partial Regex UnitPattern();
}

internal enum CommitGuardKind
{
    StaleState,
    ClaimHeld,
}
