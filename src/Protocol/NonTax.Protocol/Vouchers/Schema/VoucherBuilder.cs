using System.Globalization;
using NonTax.Protocol.Fields;

namespace NonTax.Protocol.Vouchers.Schema;

/// <summary>Writes voucher fields in order with the wire formats (<c>80.00</c>, <c>yyyyMMdd</c>, codes without leading zeros).</summary>
public sealed class VoucherBuilder
{
    private readonly List<VoucherElement> _elements = [];

    /// <summary>A text field; null writes an empty element (optional fields are kept).</summary>
    public VoucherBuilder Text(string name, string? value)
    {
        _elements.Add(new VoucherElement(name, value ?? ""));
        return this;
    }

    /// <summary>A Currency field.</summary>
    public VoucherBuilder Money(string name, decimal? amount) => Text(name, amount is { } a ? Currency.Format(a) : "");

    /// <summary>A Date field.</summary>
    public VoucherBuilder Date(string name, DateOnly? date) => Text(name, date is { } d ? WireTime.FormatDate(d) : "");

    /// <summary>A Time field.</summary>
    public VoucherBuilder Time(string name, TimeOnly time) => Text(name, WireTime.FormatTime(time));

    /// <summary>A UTCDateTime field.</summary>
    public VoucherBuilder UtcDateTime(string name, DateTimeOffset value) => Text(name, WireTime.FormatUtcDateTime(value));

    /// <summary>A code field.</summary>
    public VoucherBuilder Code(string name, int? code) => Text(name, code is { } c ? CodeValue.Format(c) : "");

    /// <summary>An Integer field.</summary>
    public VoucherBuilder Integer(string name, long value) => Text(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A repeated group; with a null container the items are written directly.</summary>
    public VoucherBuilder Group<T>(string? containerName, string itemName, IEnumerable<T> items, Action<VoucherBuilder, T> write)
    {
        var built = items.Select(item =>
        {
            var itemBuilder = new VoucherBuilder();
            write(itemBuilder, item);
            return VoucherElement.Group(itemName, itemBuilder._elements);
        }).ToArray();

        if (containerName is null)
        {
            _elements.AddRange(built);
        }
        else
        {
            _elements.Add(VoucherElement.Group(containerName, built));
        }

        return this;
    }

    /// <summary>A nested single element group (e.g. <c>Sign_Info</c>).</summary>
    public VoucherBuilder Nested(string name, Action<VoucherBuilder> write)
    {
        var nested = new VoucherBuilder();
        write(nested);
        _elements.Add(VoucherElement.Group(name, nested._elements));
        return this;
    }

    /// <summary>The voucher.</summary>
    public Voucher Build() => new(_elements);
}
