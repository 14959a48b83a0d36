namespace NonTax.Protocol.Vouchers;

/// <summary>
/// One element of a voucher document: a leaf with a text <see cref="Value"/>, or a group
/// (<c>Details</c>, <c>Account</c>…) with <see cref="Children"/>. Equality is structural.
/// </summary>
public sealed record VoucherElement(string Name, string Value, IReadOnlyList<VoucherElement> Children)
{
    /// <summary>A leaf field.</summary>
    public VoucherElement(string name, string value)
        : this(name, value, [])
    {
    }

    /// <summary>True when the element holds child elements rather than text.</summary>
    public bool IsGroup => Children.Count > 0;

    /// <summary>A group element.</summary>
    public static VoucherElement Group(string name, IEnumerable<VoucherElement> children) => new(name, "", children.ToArray());

    /// <summary>First child named <paramref name="name"/>, or null.</summary>
    public VoucherElement? Child(string name) => Children.FirstOrDefault(c => c.Name == name);

    /// <inheritdoc />
    public bool Equals(VoucherElement? other) =>
        other is not null && Name == other.Name && Value == other.Value && Children.SequenceEqual(other.Children);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Value, Children.Count);
}
