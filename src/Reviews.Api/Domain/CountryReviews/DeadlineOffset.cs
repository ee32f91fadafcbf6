namespace Reviews.Api.Domain.CountryReviews;

/// <summary>A duration in calendar months and days ("6 months", "2 weeks"), bindable from configuration.</summary>
public sealed class DeadlineOffset
{
    public int Months { get; set; }

    public int Days { get; set; }

    public static DeadlineOffset OfDays(int days) => new() { Days = days };

    public static DeadlineOffset OfMonths(int months) => new() { Months = months };

    public DateOnly After(DateOnly date) => date.AddMonths(Months).AddDays(Days);

    public override string ToString() => Months == 0 ? $"{Days} days" : Days == 0 ? $"{Months} months" : $"{Months} months and {Days} days";
}
