namespace Engagement.Api.Domain.Dialogues;

/// <summary>The working group a constructive dialogue follows.</summary>
public enum DialogueTopic
{
    TraffickingInPersons = 1,
    SmugglingOfMigrants = 2,
    Firearms = 3,
    InternationalCooperation = 4,
    TechnicalAssistance = 5,
}
