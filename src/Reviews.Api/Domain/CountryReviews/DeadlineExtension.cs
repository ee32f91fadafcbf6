namespace Reviews.Api.Domain.CountryReviews;

/// <summary>An extension the parties agreed: the new date, the date it replaced, who agreed and when.</summary>
public sealed class DeadlineExtension
{
    private DeadlineExtension()
    {
        AgreedBy = Reason = "";
        AgreedByParties = [];
    }

    internal DeadlineExtension(DateOnly newDate, DateOnly previousDate, string agreedBy, List<string> agreedByParties, DateTimeOffset agreedAt, string reason)
    {
        NewDate = newDate;
        PreviousDate = previousDate;
        AgreedBy = agreedBy;
        AgreedByParties = agreedByParties;
        AgreedAt = agreedAt;
        Reason = reason;
    }

    public DateOnly NewDate { get; private set; }

    public DateOnly PreviousDate { get; private set; }

    /// <summary>The user who recorded the agreement.</summary>
    public string AgreedBy { get; private set; }

    /// <summary>The parties that agreed.</summary>
    public List<string> AgreedByParties { get; private set; }

    public DateTimeOffset AgreedAt { get; private set; }

    public string Reason { get; private set; }
}
