using System.Security.Claims;
using NonTax.Frontend.Rights;
using NonTax.Infrastructure.Projection.Queries.Bills;

namespace NonTax.Frontend.Bills;

/// <summary>
/// Bill stock (票据库存) as a user may see it, from the projection the operator API reads
/// (<see cref="BillStockQuery"/>): bureau staff see finance's stock, every unit's and all movements;
/// a unit's user only the unit's own stock and the movements to or from it.
/// </summary>
public sealed class BillStockView(BillStockQuery query)
{
    public async Task<(IReadOnlyList<BillStockLine> Finance, IReadOnlyList<BillStockLine> Units, IReadOnlyList<BillMovementRow> Movements)> ReadAsync(
        ClaimsPrincipal user, string? holder, string? billCode, CancellationToken cancellationToken = default)
    {
        var scope = UserScope.Of(user);
        holder = scope.IsUnitUser ? scope.UnitCode : Blank(holder);
        var finance = scope.IsUnitUser ? [] : await query.FinanceStockAsync(cancellationToken);
        var units = await query.UnitStockAsync(scope.IsUnitUser ? scope.UnitCode : null, cancellationToken);
        var movements = await query.MovementsAsync(holder, Blank(billCode), 200, cancellationToken);
        return (finance, units, movements);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
