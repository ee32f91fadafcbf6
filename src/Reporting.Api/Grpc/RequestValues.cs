using ReviewsV1 = ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Grpc;

/// <summary>The request's small values read for the use cases: optional dates, figure sizes.</summary>
internal static class RequestValues
{
    /// <summary>An optional date (absent = null); INVALID_ARGUMENT naming the field when it is no calendar date.</summary>
    public static DateOnly? OptionalDay(this ReviewsV1.Date? date, string field)
    {
        if (date is null)
        {
            return null;
        }
        var valid = date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month);
        return valid
            ? new DateOnly(date.Year, date.Month, date.Day)
            : throw DomainException.Invalid(field, $"{date.Year:0000}-{date.Month:00}-{date.Day:00} is not a date of the calendar.");
    }

    /// <summary>A figure's side in pixels: 0 = <paramref name="fallback"/>, otherwise between 100 and <paramref name="max"/>.</summary>
    public static int Pixels(int requested, int fallback, int max, string field) => requested switch
    {
        0 => fallback,
        >= 100 when requested <= max => requested,
        _ => throw DomainException.Invalid(field, $"{field} must be between 100 and {max} pixels (0 for {fallback})."),
    };
}
