namespace NonTax.Protocol.Vouchers;

/// <summary>
/// Carries a voucher with repeated groups as a flat, ordered list of (name, value) pairs, the
/// shape outbound instructions travel in between grains and the silo. A name is a path of
/// element names separated by <c>/</c>: <c>SeqNo</c> is a top-level field,
/// <c>Accounts/Account/AcctNo</c> a field of an <c>Account</c> item inside <c>Accounts</c>.
/// Consecutive paths share their enclosing elements; a field whose name already occurs in the
/// current item starts the next item, so every item must write its fields in the same order and
/// its first field must be present (true of every mandatory first field). An empty group is a
/// top-level field with an empty value (<c>Accounts</c> = "").
/// </summary>
public static class VoucherPaths
{
    /// <summary>The separator between element names of a path.</summary>
    public const char Separator = '/';

    /// <summary>Builds the voucher, nesting path fields into groups; plain names stay leaves.</summary>
    public static Voucher ToVoucher(IEnumerable<(string Name, string Value)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var root = new Node(Voucher.RootName, "");
        foreach (var (name, value) in fields)
        {
            var segments = name.Split(Separator);
            if (segments.Any(string.IsNullOrEmpty))
            {
                throw new ArgumentException($"Field path '{name}' has an empty element name.", nameof(fields));
            }

            var parent = root;
            for (var depth = 0; depth < segments.Length - 1; depth++)
            {
                var isItem = depth == segments.Length - 2;
                parent = parent.OpenGroup(segments[depth], startNewWhenHas: isItem ? segments[^1] : null);
            }

            parent.Children.Add(new Node(segments[^1], value));
        }

        return new Voucher(root.Children.Select(c => c.ToElement()));
    }

    /// <summary>The inverse: every leaf of the voucher as a path field, in document order.</summary>
    public static IReadOnlyList<(string Name, string Value)> ToFields(Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        var fields = new List<(string Name, string Value)>();
        foreach (var element in voucher.Elements)
        {
            Flatten(element, "", fields);
        }

        return fields;
    }

    private static void Flatten(VoucherElement element, string prefix, List<(string Name, string Value)> fields)
    {
        var path = prefix + element.Name;
        if (!element.IsGroup)
        {
            fields.Add((path, element.Value));
            return;
        }

        foreach (var child in element.Children)
        {
            Flatten(child, path + Separator, fields);
        }
    }

    private sealed class Node(string name, string value)
    {
        public string Name { get; } = name;
        public string Value { get; } = value;
        public List<Node> Children { get; } = [];

        /// <summary>
        /// The last child named <paramref name="groupName"/> when it can take the next field,
        /// otherwise a new one. An empty leaf of that name (an empty group written earlier) is reused.
        /// </summary>
        public Node OpenGroup(string groupName, string? startNewWhenHas)
        {
            var last = Children.Count > 0 ? Children[^1] : null;
            var reusable = last is not null && last.Name == groupName && (last.Children.Count > 0 || last.Value.Length == 0)
                && (startNewWhenHas is null || last.Children.All(c => c.Name != startNewWhenHas));
            if (reusable)
            {
                return last!;
            }

            var group = new Node(groupName, "");
            Children.Add(group);
            return group;
        }

        public VoucherElement ToElement() =>
            Children.Count == 0 ? new VoucherElement(Name, Value) : VoucherElement.Group(Name, Children.Select(c => c.ToElement()));
    }
}
