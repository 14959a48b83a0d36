namespace NonTax.Protocol.Vouchers;

/// <summary>
/// A decoded <c>&lt;Voucher&gt;</c> document: its child elements in document order. This is the
/// generic form every typed voucher reads from and writes to, and what the silo's outbound
/// instructions (ordered name/value pairs) become. Equality is structural.
/// </summary>
public sealed class Voucher : IEquatable<Voucher>
{
    /// <summary>The root element name.</summary>
    public const string RootName = "Voucher";

    /// <param name="elements">Children of <c>&lt;Voucher&gt;</c>, in order.</param>
    public Voucher(IEnumerable<VoucherElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        Elements = elements.ToArray();
    }

    /// <summary>Children of <c>&lt;Voucher&gt;</c>, in document order.</summary>
    public IReadOnlyList<VoucherElement> Elements { get; }

    /// <summary>A flat voucher from ordered name/value pairs (the outbound instruction shape).</summary>
    public static Voucher FromFields(IEnumerable<(string Name, string Value)> fields) =>
        new(fields.Select(f => new VoucherElement(f.Name, f.Value)));

    /// <summary>The leaf fields at the top level, in order; groups are left out (read them with <see cref="Element"/>).</summary>
    public IReadOnlyList<(string Name, string Value)> ToFields() =>
        Elements.Where(e => !e.IsGroup).Select(e => (e.Name, e.Value)).ToArray();

    /// <summary>Value of the first top-level element named <paramref name="name"/>; null when absent.</summary>
    public string? this[string name] => Element(name)?.Value;

    /// <summary>First top-level element named <paramref name="name"/>, or null.</summary>
    public VoucherElement? Element(string name) => Elements.FirstOrDefault(e => e.Name == name);

    /// <inheritdoc />
    public bool Equals(Voucher? other) => other is not null && Elements.SequenceEqual(other.Elements);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Voucher);

    /// <inheritdoc />
    public override int GetHashCode() => Elements.Count;

    /// <inheritdoc />
    public override string ToString() => VoucherXml.WriteString(this);
}
