using Engagement.Api.Application;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Engagement.Api.Domain.Dialogues;

namespace Engagement.Tests.Support;

/// <summary>Valid inputs the tests vary.</summary>
public static class Samples
{
    public static DialogueSchedule Dialogue(
        DateOnly lastDay, int inPerson = 10, int online = 0, bool automatic = false, Venue venue = Venue.Vienna) =>
        new(DialogueTopic.Firearms, "Working Group on Firearms, 2027 session", "Constructive dialogue on firearms",
            lastDay.AddDays(30), venue, inPerson, online, lastDay, LocalDeadline.Vienna,
            ConstructiveDialogue.DefaultApplyingCategories, ConstructiveDialogue.DefaultAttendingCategories, automatic);

    public static ApplicationDetails Details(string organization = "Global Initiative", ParticipationMode mode = ParticipationMode.InPerson) =>
        new(new Organization(organization, StakeholderCategory.Ngo, "CHE", "https://example.org", GrassrootsOrVictimLed: false),
            "Ana Contact", "Ten years of field research on illicit firearms flows.", mode, TravelSupportRequested: false, "en");

    public static SubmitApplication Verified(Guid dialogueId, int n, ParticipationMode mode = ParticipationMode.InPerson) =>
        new($"key-{n}", dialogueId, Details($"Organization {n}", mode), $"contact{n}@example.org", ContactEmailVerified: true);

    public static SubmitApplication FromWeb(Guid dialogueId, string key, string organization = "Global Initiative", string email = "ana@example.org") =>
        new(key, dialogueId, Details(organization), email, ContactEmailVerified: false);

    public static readonly Actor Partner = Actor.Partner("partner-demo");

    public static readonly Actor Secretariat = Actor.Secretariat("secretariat-1");
}
