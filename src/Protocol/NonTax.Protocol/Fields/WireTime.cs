using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NonTax.Protocol.Fields;

/// <summary>
/// Date and time fields. Business dates are China Standard Time (UTC+8) whatever the server's zone;
/// <see cref="ChinaStandardTime"/> converts instants to that calendar.
/// </summary>
public static class WireTime
{
    /// <summary>The fixed UTC+8 offset of China Standard Time (no daylight saving since 1991).</summary>
    public static readonly TimeSpan ChinaStandardTime = Time.ChinaTime.Offset;

    private const string DateFormat = "yyyyMMdd";
    private const string TimeFormat = "HHmmss";
    private const string DateTimeFormat = "yyyyMMddHHmmss";

    /// <summary>The instant as China Standard Time.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => instant.ToOffset(ChinaStandardTime);

    /// <summary>The business date (CST) of an instant.</summary>
    public static DateOnly BusinessDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToChinaTime(instant).DateTime);

    /// <summary>Parses <c>yyyyMMdd</c> (a real date).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && text!.Length == 8;

    /// <summary>Parses <c>HHmmss</c>.</summary>
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out time) && text!.Length == 6;

    /// <summary>Parses <c>yyyyMMddHHmmss</c> (a wall-clock time, CST by convention).</summary>
    public static bool TryParseDateTime(string? text, out DateTime dateTime) =>
        DateTime.TryParseExact(text, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out dateTime) && text!.Length == 14;

    /// <summary>Parses <c>yyyyMMddHHmmss±hhmm</c>.</summary>
    public static bool TryParseUtcDateTime(string? text, [NotNullWhen(true)] out DateTimeOffset? value)
    {
        value = null;
        if (text is not { Length: 19 } || (text[14] != '+' && text[14] != '-') || !TryParseDateTime(text[..14], out var local))
        {
            return false;
        }

        var offsetText = text[15..];
        if (!offsetText.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hours = int.Parse(offsetText[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(offsetText[2..], CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), text[14] == '-' ? -offset : offset);
        return true;
    }

    /// <summary>Formats <c>yyyyMMdd</c>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats <c>HHmmss</c> (seconds precision).</summary>
    public static string FormatTime(TimeOnly time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats <c>yyyyMMddHHmmss</c>.</summary>
    public static string FormatDateTime(DateTime dateTime) => dateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats <c>yyyyMMddHHmmss±hhmm</c>.</summary>
    public static string FormatUtcDateTime(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{FormatDateTime(value.DateTime)}{sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
