using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Abstractions.Notices;

namespace NonTax.Grains.Notices;

/// <summary>Late fee (滞纳金) and expiry rules of a notice.</summary>
/// <remarks>
/// Late fee = daily rate × notice amount × days past the due date, capped at the notice amount,
/// rounded half-up to the cent. Expiry: a notice is payable up to and including its last payable
/// date (due date + the items' grace days; with no grace days, the due date itself); after that
/// it is expired and refuses payment with 10004.
/// </remarks>
internal static class AmountDue
{
    public static decimal LateFee(NoticeContent notice, DateOnly on)
    {
        var daysLate = on.DayNumber - notice.DueDate.DayNumber;
        if (daysLate <= 0 || notice.LateFeeDailyRate <= 0)
        {
            return 0m;
        }

        var fee = MoneyMath.RoundToCent(notice.LateFeeDailyRate * notice.Amount * daysLate);
        return Math.Min(fee, notice.Amount);
    }

    public static decimal Total(NoticeContent notice, DateOnly on) => notice.Amount + LateFee(notice, on);

    public static bool IsExpired(NoticeContent notice, DateOnly on) => on > notice.LastPayableDate;
}
