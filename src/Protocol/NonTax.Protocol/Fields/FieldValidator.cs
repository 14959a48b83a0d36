using System.Buffers.Text;
using NonTax.Protocol.Text;

namespace NonTax.Protocol.Fields;

/// <summary>Checks one field value against its <see cref="FieldSpec"/>.</summary>
public static class FieldValidator
{
    /// <summary>
    /// Null when <paramref name="value"/> (null = element absent) satisfies <paramref name="spec"/>;
    /// otherwise the reason, suitable for a 20001 reply.
    /// </summary>
    public static string? Check(FieldSpec spec, string? value)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (value is null)
        {
            return spec.Presence == Presence.Mandatory ? "missing" : null;
        }

        if (value.Length == 0)
        {
            var mayBeEmpty = spec.Presence != Presence.Mandatory || (spec.MinLength == 0 && HasFreeLength(spec.Type));
            return mayBeEmpty ? null : "empty";
        }

        return spec.Type switch
        {
            FieldType.String => CheckLength(spec, value.Length) ?? (value.All(c => c is >= ' ' and <= '~') ? null : "not printable ASCII"),
            FieldType.NString => CheckLength(spec, value.Length) ?? (value.All(char.IsAsciiDigit) ? null : "not digits"),
            FieldType.GBString => Gbk.ByteCount(value) is var bytes && bytes < 0 ? "a character GBK cannot encode" : CheckLength(spec, bytes),
            FieldType.Currency => Currency.TryParse(value, out _) ? null : "not an amount with at most two decimals",
            FieldType.Integer => value.Length <= 8 && value.All(char.IsAsciiDigit) ? null : "not an integer of at most 8 digits",
            FieldType.Date => WireTime.TryParseDate(value, out _) ? null : "not a date yyyyMMdd",
            FieldType.Time => WireTime.TryParseTime(value, out _) ? null : "not a time HHmmss",
            FieldType.DateTime => WireTime.TryParseDateTime(value, out _) ? null : "not a date-time yyyyMMddHHmmss",
            FieldType.UtcDateTime => WireTime.TryParseUtcDateTime(value, out _) ? null : "not a date-time yyyyMMddHHmmss±hhmm",
            FieldType.Code => CodeValue.TryParse(value, spec.MaxLength, out _) ? null : $"not a code of at most {spec.MaxLength} digits",
            FieldType.Base64 => CheckLength(spec, value.Length) ?? (Base64.IsValid(value) ? null : "not base64"),
            _ => "unknown field type",
        };
    }

    private static bool HasFreeLength(FieldType type) =>
        type is FieldType.String or FieldType.NString or FieldType.GBString or FieldType.Base64;

    private static string? CheckLength(FieldSpec spec, int length) =>
        length < spec.MinLength || length > spec.MaxLength
            ? $"length {length} outside [{spec.MinLength},{spec.MaxLength}]"
            : null;
}
