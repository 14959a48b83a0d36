namespace NonTax.Grains.Abstractions.Bureau;

/// <summary>
/// The bureau's working-day calendar: Saturdays and Sundays are rest days unless listed as
/// <see cref="WorkingWeekendDays"/> (调休 make-up days); <see cref="Holidays"/> are rest days too.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HolidayCalendar(
    [property: Id(0)] IReadOnlyList<DateOnly> Holidays,
    [property: Id(1)] IReadOnlyList<DateOnly> WorkingWeekendDays)
{
    public static HolidayCalendar Empty { get; } = new([], []);

    public bool IsWorkingDay(DateOnly date)
    {
        if (Holidays.Contains(date))
        {
            return false;
        }

        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return !weekend || WorkingWeekendDays.Contains(date);
    }

    /// <summary>Issue date + period calendar days, moved forward to the next working day.</summary>
    public DateOnly DueDate(DateOnly issueDate, int periodDays)
    {
        var due = issueDate.AddDays(periodDays);
        // A calendar is finite; a year of rest days means the table is wrong, not that we loop forever.
        for (var guard = 0; guard < 366 && !IsWorkingDay(due); guard++)
        {
            due = due.AddDays(1);
        }

        return due;
    }
}
