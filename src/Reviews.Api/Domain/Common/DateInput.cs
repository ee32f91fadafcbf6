using ReviewMechanism.ServiceDefaults.Errors;

namespace Reviews.Api.Domain.Common;

/// <summary>
/// A date as a caller gave it (year, month, day), checked only when a use case reads it: so a use case can refuse a
/// caller before it looks at the rest of the input. INVALID_ARGUMENT naming the field when it is not a calendar date.
/// </summary>
public readonly record struct DateInput(int Year, int Month, int Day)
{
    public DateOnly ToDate(string field)
    {
        if (Year is < 1900 or > 2200 || Month is < 1 or > 12 || Day < 1 || Day > DateTime.DaysInMonth(Math.Clamp(Year, 1900, 2200), Month))
        {
            throw DomainException.Invalid(field, $"{Year:D4}-{Month:D2}-{Day:D2} is not a calendar date.");
        }
        return new DateOnly(Year, Month, Day);
    }
}
