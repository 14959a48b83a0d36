using System.Security.Cryptography;

namespace NonTax.Grains.Notices;

/// <summary>The 4-character check code (验证码) printed on a notice for payer look-up.</summary>
internal static class CheckCodes
{
    // No 0/O, 1/I: payers read these off paper.
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, 4);

    public static bool Matches(string expected, string? supplied) =>
        string.IsNullOrEmpty(supplied) || string.Equals(expected, supplied.Trim(), StringComparison.OrdinalIgnoreCase);
}
