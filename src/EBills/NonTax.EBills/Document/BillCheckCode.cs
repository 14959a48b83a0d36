using System.Security.Cryptography;

namespace NonTax.EBills.Document;

/// <summary>
/// The bill's check code (校验码, RandomNumber): six lower-case letters or digits. Whoever holds
/// the bill quotes it with the number (8982 CrcCode, the verification link), so it is drawn from
/// a cryptographic generator: a guessed number alone does not open someone else's bill.
/// </summary>
public static class BillCheckCode
{
    public const int Length = 6;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
