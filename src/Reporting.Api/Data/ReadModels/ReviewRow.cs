namespace Reporting.Api.Data.ReadModels;

/// <summary>A country review as opened (CountryReviewOpened, or the rebuild).</summary>
public sealed class ReviewRow
{
    public string Id { get; set; } = "";

    public string PartyUnderReview { get; set; } = "";

    public int GroupNumber { get; set; }

    public int Phase { get; set; }

    public int Cluster { get; set; }

    public DateOnly StartDate { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
}
