using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;

namespace NonTax.Protocol.Vouchers.Schema;

/// <summary>
/// The declarative field table of one voucher type: leaf fields in document order, then repeated
/// groups. <c>Validate</c> checks presence, type and length of every field and names the
/// first offending one (path such as <c>Details/Detail[3]/Amt</c>) for a 20001 reply. Elements
/// the table does not know are tolerated (be liberal in what you accept).
/// </summary>
public sealed class VoucherSpec
{
    /// <param name="fields">Leaf fields, in the order they are written.</param>
    /// <param name="groups">Repeated groups, written after the leaf fields.</param>
    public VoucherSpec(IReadOnlyList<FieldSpec> fields, IReadOnlyList<GroupSpec>? groups = null)
    {
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        Groups = groups ?? [];
    }

    /// <summary>Leaf fields, in the order they are written.</summary>
    public IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>Repeated groups.</summary>
    public IReadOnlyList<GroupSpec> Groups { get; }

    /// <summary>The field spec named <paramref name="name"/>.</summary>
    public FieldSpec Field(string name) =>
        Fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"No field {name} in this voucher spec.", nameof(name));

    /// <summary>Null when the voucher satisfies the table; otherwise the first problem.</summary>
    public ProtocolError? Validate(Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return Validate(voucher.Elements, "");
    }

    /// <summary>Validates, then builds a typed value and runs its cross-field <paramref name="check"/>.</summary>
    public ProtocolResult<T> Read<T>(Voucher voucher, Func<VoucherFieldReader, T> build, Func<T, ProtocolError?>? check = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        var problem = Validate(voucher);
        if (problem is not null)
        {
            return problem;
        }

        var value = build(new VoucherFieldReader(voucher.Elements));
        return check?.Invoke(value) is { } error ? error : value;
    }

    internal ProtocolError? Validate(IReadOnlyList<VoucherElement> elements, string path)
    {
        foreach (var field in Fields)
        {
            var element = elements.FirstOrDefault(e => e.Name == field.Name);
            if (element is { IsGroup: true })
            {
                return ProtocolError.InvalidField(path + field.Name, "expected a value, found child elements");
            }

            var problem = FieldValidator.Check(field, element?.Value);
            if (problem is not null)
            {
                return ProtocolError.InvalidField(path + field.Name, problem);
            }
        }

        foreach (var group in Groups)
        {
            IEnumerable<VoucherElement> items;
            if (group.ContainerName is null)
            {
                items = elements.Where(e => e.Name == group.ItemName);
            }
            else
            {
                var container = elements.FirstOrDefault(e => e.Name == group.ContainerName);
                if (container is null && group.ContainerRequired)
                {
                    return ProtocolError.InvalidField(path + group.ContainerName, "missing");
                }

                items = container?.Children.Where(e => e.Name == group.ItemName) ?? [];
            }

            var index = 0;
            foreach (var item in items)
            {
                index++;
                var problem = group.ItemSpec.Validate(item.Children, $"{path}{group.Path}[{index}]/");
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return null;
    }
}
