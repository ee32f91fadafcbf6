namespace Reporting.Api.Data.Projections;

/// <summary>An application to a constructive dialogue as an event describes it (the dialogue and organization repeated in each).</summary>
public sealed record ApplicationFact(
    string ApplicationId, string DialogueId, string Topic, string Session, DateOnly? HeldOn, string Organization, string Category, string Country, DateTimeOffset OccurredAt);

/// <summary>A registration to an SE4U training as an event describes it.</summary>
public sealed record RegistrationFact(
    string RegistrationId, string TrainingId, string Course, string Kind, string Country, string Organization, string Category, DateTimeOffset OccurredAt);
