namespace Engagement.Api.Domain.Trainings;

public enum TrainingKind
{
    /// <summary>Self-paced course (e.g. about 18 hours over six weeks).</summary>
    SelfPacedCourse = 1,

    /// <summary>Online workshop (live plenaries, breakout groups, Q&amp;A).</summary>
    OnlineWorkshop = 2,
}
