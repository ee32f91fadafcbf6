using Google.Protobuf.WellKnownTypes;
using MassTransit;
using ReviewMechanism.Events.V1;

namespace ReportingBench;

/// <summary>The events published while the Reporting service is down: a mix of nominations, documents, stages and applications.</summary>
public static class Backlog
{
    public static async Task PublishAsync(IPublishEndpoint bus, int count, int parties)
    {
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var tasks = new List<Task>(256);
        for (var i = 0; i < count; i++)
        {
            var party = $"P{i % parties:000}";
            object message = (i % 4) switch
            {
                0 => new PersonNominated
                {
                    NominationId = $"B{i}", Party = party, Role = NominationRole.GovernmentalExpert, PersonId = $"bench-{i}", Gender = i % 3 == 0 ? "female" : "male",
                    Scope = new NominationScope { Kind = NominationScopeKind.OwnReview }, EffectiveFrom = at, FullName = "Expert", Email = "expert@example.org",
                },
                1 => new QuestionnaireTransmitted { CountryReviewId = $"CR-4-{party}", Party = party, DocumentId = $"BD{i}", Version = 1, OccurredAt = at, Language = "en", Cluster = 2, Phase = 4 },
                2 => new DialogueApplicationSubmitted
                {
                    ApplicationId = $"BA{i}", OccurredAt = at,
                    Dialogue = new DialogueRef { DialogueId = "D-bench", Topic = DialogueTopic.Firearms, Session = "bench", HeldOn = at },
                    Organization = new ApplicantOrganization { Name = $"Org {i}", Category = StakeholderCategory.Ngo, Country = "AUT" },
                },
                _ => new CountryReviewStageChanged { CountryReviewId = $"CR-4-{party}", FromStage = "NOMINATIONS_PENDING", ToStage = "PRELIMINARY_CONSULTATION", ChangedAt = Timestamp.FromDateTimeOffset(at.ToDateTimeOffset().AddSeconds(i)) },
            };
            tasks.Add(bus.Publish(message, message.GetType()));
            if (tasks.Count == tasks.Capacity)
            {
                await Task.WhenAll(tasks);
                tasks.Clear();
            }
        }
        await Task.WhenAll(tasks);
    }
}
