using System.Text.RegularExpressions;

namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// The masking rule for logs (docs/operations.md "Log masking"). By property name: secrets
/// (…Token, …Password, …Secret, …Key) are replaced entirely; identifiers (…Acct…, …Account…,
/// Mobile…, Phone…, CreditCode, IdNumber / IdNo / IdCard) keep their first 3 and last 4
/// characters; references (names ending in Id, Ref, Code, No, NoBus) are shown as they are, so
/// staff can search by MsgID or payment code. Inside any other string value, three patterns are
/// masked the same way: mainland mobile numbers (1[3-9] + 9 digits), 18-character resident ID
/// numbers (17 digits + digit or X) and any other run of 12 or more digits (bank and card
/// accounts) — except runs of exactly 20 digits, which are payment codes (缴款码) and MsgIDs.
/// A machine token's secret (<c>ntm_</c> + 40 base62 characters) keeps only its 10-character
/// prefix, the part lists show anyway.
/// </summary>
public static partial class SensitiveDataMasker
{
    /// <summary>What a secret is logged as: nothing of it, not even its length.</summary>
    public const string Hidden = "***";

    private const int KeepFirst = 3;
    private const int KeepLast = 4;

    /// <summary>Payment codes and MsgIDs are exactly this long; staff need to see them.</summary>
    private const int ReferenceDigits = 20;

    private static readonly string[] SecretMarkers = ["token", "password", "secret", "apikey", "tokenkey", "connectionstring"];
    private static readonly string[] IdentifierMarkers = ["acct", "account", "mobile", "phone", "creditcode", "idnumber", "idno", "idcard"];
    private static readonly string[] ReferenceSuffixes = ["id", "ref", "code", "no", "nobus"];

    public static SensitivePropertyKind Classify(string propertyName)
    {
        var name = propertyName.ToLowerInvariant();
        if (SecretMarkers.Any(name.Contains))
        {
            return SensitivePropertyKind.Secret;
        }

        if (IdentifierMarkers.Any(name.Contains))
        {
            return SensitivePropertyKind.Identifier;
        }

        return ReferenceSuffixes.Any(name.EndsWith) ? SensitivePropertyKind.Reference : SensitivePropertyKind.Ordinary;
    }

    /// <summary>Keeps the first 3 and last 4 characters of an identifier; a short one is hidden whole.</summary>
    public static string MaskIdentifier(string value) =>
        value.Length <= KeepFirst + KeepLast
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, KeepFirst), new string('*', value.Length - KeepFirst - KeepLast), value.AsSpan(value.Length - KeepLast));

    /// <summary>Masks mobile numbers, ID numbers and account-like digit runs inside free text.</summary>
    public static string MaskText(string text) =>
        text.Length < 11 ? text : SensitivePattern().Replace(MachineTokenPattern().Replace(text, m => m.Value[..10] + Hidden), MaskMatch);

    private static string MaskMatch(Match match)
    {
        var value = match.Value;
        return value.Length == ReferenceDigits && char.IsAsciiDigit(value[^1]) ? value : MaskIdentifier(value);
    }

    /// <summary>
    /// A whole run of digits (optionally ending in X, as ID numbers may) not touching other letters
    /// or digits: 18 characters ending in X, 11 digits starting 1[3-9], or 12 or more digits.
    /// </summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d{17}[Xx]|1[3-9]\d{9}|\d{12,})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex SensitivePattern();

    /// <summary>A machine token's secret (MachineTokenSecret): ntm_ and 40 base62 characters.</summary>
    [GeneratedRegex("ntm_[0-9A-Za-z]{40}", RegexOptions.CultureInvariant)]
    private static partial Regex MachineTokenPattern();
}
