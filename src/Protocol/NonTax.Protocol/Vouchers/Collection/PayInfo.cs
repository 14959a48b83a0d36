using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;

namespace NonTax.Protocol.Vouchers.Collection;

/// <summary>
/// The <c>PayInfo</c> text of a notice: item lines separated by <c>#</c> (a trailing <c>#</c> is
/// usual), fields by <c>|</c>. Seven fields per line; the amount is a Currency value.
/// </summary>
public static class PayInfo
{
    private const char LineSeparator = '#';
    private const char FieldSeparator = '|';

    /// <summary>Parses the text; an empty text is an empty list.</summary>
    public static ProtocolResult<IReadOnlyList<PayInfoLine>> Parse(string? text)
    {
        var lines = new List<PayInfoLine>();
        var rawLines = (text ?? "").Split(LineSeparator);
        for (var i = 0; i < rawLines.Length; i++)
        {
            if (rawLines[i].Length == 0)
            {
                continue;
            }

            var fields = rawLines[i].Split(FieldSeparator);
            if (fields.Length != 7)
            {
                return ProtocolError.InvalidField("PayInfo", $"line {i + 1} has {fields.Length} fields, not 7");
            }

            if (fields[0].Length == 0)
            {
                return ProtocolError.InvalidField("PayInfo", $"line {i + 1} has no item code");
            }

            if (!Currency.TryParse(fields[2], out var amount))
            {
                return ProtocolError.InvalidField("PayInfo", $"line {i + 1} amount '{fields[2]}' is not an amount");
            }

            lines.Add(new PayInfoLine(fields[0], fields[1], amount, fields[3], fields[4], fields[5], fields[6]));
        }

        return lines;
    }

    /// <summary>Formats lines the way real traffic does: each line followed by <c>#</c>, amounts with two decimals.</summary>
    /// <exception cref="ArgumentException">A field contains a separator.</exception>
    public static string Format(IEnumerable<PayInfoLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return string.Concat(lines.Select(line =>
        {
            string[] fields = [line.ItemCode, line.ItemName, Currency.Format(line.Amount), line.Unit, line.Quantity, line.StandardType, line.Standard];
            if (fields.Any(f => f.Contains(LineSeparator) || f.Contains(FieldSeparator)))
            {
                throw new ArgumentException("A PayInfo field cannot contain '#' or '|'.", nameof(lines));
            }

            return string.Join(FieldSeparator, fields) + LineSeparator;
        }));
    }

    /// <summary>True when the line amounts add up to <paramref name="oriAmt"/> (otherwise answer <c>10009</c>).</summary>
    public static bool AddsUpTo(IEnumerable<PayInfoLine> lines, decimal oriAmt) => lines.Sum(l => l.Amount) == oriAmt;
}
