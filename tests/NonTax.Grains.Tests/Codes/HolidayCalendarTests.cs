using NonTax.Grains.Abstractions.Bureau;

namespace NonTax.Grains.Tests.Codes;

public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = new(
        [new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 5)],
        [new DateOnly(2026, 10, 10)]);

    [Fact]
    public void A_working_day_due_date_stays() =>
        Assert.Equal(new DateOnly(2026, 3, 12), Calendar.DueDate(new DateOnly(2026, 3, 2), 10));

    [Fact]
    public void A_due_date_on_a_holiday_moves_past_holidays_and_weekend()
    {
        // 2026-09-21 + 10 = 10-01 (holiday), 10-02 holiday, 10-03/04 weekend, 10-05 holiday → 10-06.
        Assert.Equal(new DateOnly(2026, 10, 6), Calendar.DueDate(new DateOnly(2026, 9, 21), 10));
    }

    [Fact]
    public void A_make_up_working_weekend_day_is_a_working_day() =>
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar.DueDate(new DateOnly(2026, 9, 30), 10));
}
