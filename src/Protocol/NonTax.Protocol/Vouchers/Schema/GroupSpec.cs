namespace NonTax.Protocol.Vouchers.Schema;

/// <summary>
/// A repeated group of a voucher, e.g. <c>Details/Detail</c> or <c>Accounts/Account</c>. When
/// <see cref="ContainerName"/> is null the items repeat directly under <c>Voucher</c> (5555's <c>Diff</c>).
/// </summary>
/// <param name="ContainerName">The wrapping element, or null.</param>
/// <param name="ItemName">The repeated element.</param>
/// <param name="ItemSpec">Fields of each item.</param>
/// <param name="ContainerRequired">Whether the wrapping element must be present (it may still be empty).</param>
public sealed record GroupSpec(string? ContainerName, string ItemName, VoucherSpec ItemSpec, bool ContainerRequired = true)
{
    /// <summary>The path prefix used in error messages and documentation.</summary>
    public string Path => ContainerName is null ? ItemName : $"{ContainerName}/{ItemName}";
}
