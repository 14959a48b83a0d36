using System.Globalization;
using NonTax.Protocol.Fields;

namespace NonTax.Protocol.Vouchers.Schema;

/// <summary>
/// Typed access to the fields of a voucher (or of one group item) that has already passed its
/// <see cref="VoucherSpec"/>, so conversions cannot fail; an absent optional field reads as empty/null.
/// </summary>
public sealed class VoucherFieldReader
{
    private readonly IReadOnlyList<VoucherElement> _elements;

    internal VoucherFieldReader(IReadOnlyList<VoucherElement> elements) => _elements = elements;

    /// <summary>Text of a field; empty when absent.</summary>
    public string Text(string name) => Find(name)?.Value ?? "";

    /// <summary>A Currency field.</summary>
    public decimal Money(string name) => OptionalMoney(name) ?? throw Missing(name);

    /// <summary>An optional Currency field; null when absent or empty.</summary>
    public decimal? OptionalMoney(string name) => Currency.TryParse(Text(name), out var amount) ? amount : null;

    /// <summary>A Date field.</summary>
    public DateOnly Date(string name) => OptionalDate(name) ?? throw Missing(name);

    /// <summary>An optional Date field.</summary>
    public DateOnly? OptionalDate(string name) => WireTime.TryParseDate(Text(name), out var date) ? date : null;

    /// <summary>A Time field.</summary>
    public TimeOnly Time(string name) => WireTime.TryParseTime(Text(name), out var time) ? time : throw Missing(name);

    /// <summary>A UTCDateTime field.</summary>
    public DateTimeOffset UtcDateTime(string name) => WireTime.TryParseUtcDateTime(Text(name), out var value) ? value.Value : throw Missing(name);

    /// <summary>A code field (<c>01</c> reads as 1).</summary>
    public int Code(string name) => OptionalCode(name) ?? throw Missing(name);

    /// <summary>An optional code field.</summary>
    public int? OptionalCode(string name) => CodeValue.TryParse(Text(name), 9, out var code) ? code : null;

    /// <summary>An Integer field (or a digits-only NString that fits a long).</summary>
    public long Integer(string name) =>
        long.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Missing(name);

    /// <summary>Items of a repeated group, each with its own reader.</summary>
    public IReadOnlyList<VoucherFieldReader> Items(string? containerName, string itemName)
    {
        var items = containerName is null
            ? _elements.Where(e => e.Name == itemName)
            : Find(containerName)?.Children.Where(e => e.Name == itemName) ?? [];
        return items.Select(item => new VoucherFieldReader(item.Children)).ToArray();
    }

    private VoucherElement? Find(string name) => _elements.FirstOrDefault(e => e.Name == name);

    private static InvalidOperationException Missing(string name) =>
        new($"Field {name} was not validated before being read.");
}
