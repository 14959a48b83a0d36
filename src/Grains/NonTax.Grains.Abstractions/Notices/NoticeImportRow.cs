using NonTax.Grains.Abstractions.Money;

namespace NonTax.Grains.Abstractions.Notices;

/// <summary>
/// One row of a unit's batch import template (e.g. a school's: student name, ID number, parent's
/// mobile, item, amount) as read from a spreadsheet, all cells as text. <see cref="TryToDraft"/>
/// turns it into a <see cref="NoticeDraft"/> or names the bad cell for the per-row report.
/// </summary>
public sealed record NoticeImportRow(
    string? PayerName,
    string? PayerCreditCode,
    string? MobilePhone,
    string? ItemCode,
    string? Amount,
    string? Quantity = null,
    string? Memo = null)
{
    public bool TryToDraft(string operatorName, out NoticeDraft? draft, out string? error)
    {
        draft = null;
        error = null;
        if (string.IsNullOrWhiteSpace(PayerName))
        {
            error = nameof(PayerName);
            return false;
        }

        if (string.IsNullOrWhiteSpace(ItemCode))
        {
            error = nameof(ItemCode);
            return false;
        }

        if (!MoneyMath.TryParse(Amount?.Trim(), out var amount) || amount <= 0)
        {
            error = nameof(Amount);
            return false;
        }

        var quantity = 1m;
        if (!string.IsNullOrWhiteSpace(Quantity)
            && (!decimal.TryParse(Quantity.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out quantity) || quantity <= 0))
        {
            error = nameof(Quantity);
            return false;
        }

        var payer = new Payer(PayerName.Trim(), Type: 1, MobilePhone: MobilePhone?.Trim(), CreditCode: PayerCreditCode?.Trim());
        draft = new NoticeDraft(payer, amount, [new NoticeLineRequest(ItemCode.Trim(), amount, quantity)], operatorName, Memo?.Trim());
        return true;
    }
}
