namespace Reviews.Api.Domain.CountryReviews;

/// <summary>One move of the state machine: from, to, when, what triggered it and who.</summary>
public sealed class StageTransition
{
    private StageTransition()
    {
        Trigger = By = "";
    }

    internal StageTransition(ReviewStage from, ReviewStage to, DateTimeOffset at, string trigger, string by)
    {
        From = from;
        To = to;
        At = at;
        Trigger = trigger;
        By = by;
    }

    public ReviewStage From { get; private set; }

    public ReviewStage To { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Trigger { get; private set; }

    public string By { get; private set; }
}
