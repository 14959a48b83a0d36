using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Units;

/// <summary>The item-level rules of a notice draft, in the order the codes are checked.</summary>
internal sealed class NoticeValidation(IGrainFactory grains)
{
    /// <summary>Resolved lines and the items they charge, or the refusal.</summary>
    public sealed record Outcome(string ResultCode, string? Information, IReadOnlyList<(NoticeLine Line, IncomeItemDefinition Item)> Lines);

    public async Task<Outcome> ValidateAsync(NoticeDraft draft, IReadOnlyList<CollectionRight> rights)
    {
        if (string.IsNullOrWhiteSpace(draft.Payer.Name))
        {
            return Refused(ResultCodes.MalformedField, "PayerName");
        }

        if (!MoneyMath.IsValidAmount(draft.Amount) || draft.Amount <= 0)
        {
            return Refused(ResultCodes.MalformedField, "OriAmt");
        }

        if (draft.Lines.Count == 0)
        {
            return Refused(ResultCodes.MalformedField, "PayInfo");
        }

        var lines = new List<(NoticeLine, IncomeItemDefinition)>();
        foreach (var request in draft.Lines)
        {
            if (!MoneyMath.IsValidAmount(request.Amount) || request.Quantity <= 0)
            {
                return Refused(ResultCodes.MalformedField, $"PayInfo {request.ItemCode}");
            }

            var right = rights.FirstOrDefault(r => r.ItemCode == request.ItemCode || r.NationalItemCode == request.ItemCode);
            if (right is null)
            {
                var known = await FindItemAsync(request.ItemCode) is not null;
                return Refused(known ? ResultCodes.NoCollectionRight : ResultCodes.UnknownItem, request.ItemCode);
            }

            var item = await grains.GetGrain<IIncomeItemGrain>(right.ItemCode).Get();
            if (item is null)
            {
                return Refused(ResultCodes.UnknownItem, request.ItemCode);
            }

            if (!item.Standard.Allows(request.Amount, request.Quantity))
            {
                return Refused(ResultCodes.AmountOutsideStandard, $"{request.ItemCode} {MoneyMath.Format(request.Amount)} not within {item.Standard}");
            }

            lines.Add((new NoticeLine(item.NationalItemCode, item.ItemCode, item.Name, item.UnitOfMeasure, request.Quantity,
                item.Standard.ToString(), request.Amount), item));
        }

        var sum = lines.Sum(l => l.Item1.Amount);
        if (sum != draft.Amount)
        {
            return Refused(ResultCodes.ItemLinesMismatch, $"lines {MoneyMath.Format(sum)} != {MoneyMath.Format(draft.Amount)}");
        }

        return new Outcome(ResultCodes.Success, null, lines);
    }

    private async Task<IncomeItemDefinition?> FindItemAsync(string code)
    {
        var itemCode = code.Length == 12 ? await grains.GetGrain<INationalItemCodeGrain>(code).Resolve() : code;
        return string.IsNullOrEmpty(itemCode) ? null : await grains.GetGrain<IIncomeItemGrain>(itemCode).Get();
    }

    private static Outcome Refused(string code, string information) => new(code, information, []);
}
