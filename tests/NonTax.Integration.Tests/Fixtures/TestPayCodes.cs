using System.Globalization;
using System.Security.Cryptography;

namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// Random sandbox payment codes (region 320682, year 26) that no other test draws: the two-digit
/// series keeps each suite's codes apart, the random nine digits keep runs against one database apart.
/// </summary>
internal static class TestPayCodes
{
    public static string New(string series = "99") =>
        "32068226" + series + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) + "0";
}
