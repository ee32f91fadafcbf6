namespace ReviewMechanism.ServiceDefaults.Tests.Data;

public sealed class ReviewNote
{
    public Guid Id { get; set; }

    public string CountryReviewId { get; set; } = "";

    public string Text { get; set; } = "";
}
