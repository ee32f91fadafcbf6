namespace Documents.Api.Domain.Reviews;

/// <summary>The Reviews service's stage names, as its events carry them.</summary>
public static class ReviewStages
{
    public const string NominationsPending = "NOMINATIONS_PENDING";
    public const string Completed = "COMPLETED";
}
