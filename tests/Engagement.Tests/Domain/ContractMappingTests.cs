using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Domain.Trainings;
using Contract = ReviewMechanism.Engagement.V1;
using Events = ReviewMechanism.Events.V1;

namespace Engagement.Tests.Domain;

/// <summary>The domain's enums and the contracts' share their numbers, so mapping is a cast: each value's name must match.</summary>
public sealed class ContractMappingTests
{
    [Fact]
    public void EveryDomainEnumValueHasTheSameNumberInTheApiAndTheEvents()
    {
        SameNames<DialogueTopic, Contract.DialogueTopic>();
        SameNames<DialogueTopic, Events.DialogueTopic>();
        SameNames<StakeholderCategory, Contract.StakeholderCategory>();
        SameNames<StakeholderCategory, Events.StakeholderCategory>();
        SameNames<ParticipationMode, Contract.ParticipationMode>();
        SameNames<ParticipationMode, Events.ParticipationMode>();
        SameNames<Venue, Contract.Venue>();
        SameNames<ApplicationStatus, Contract.ApplicationStatus>();
        SameNames<Decision, Contract.Decision>();
        SameNames<ExpertiseAssessment, Contract.ExpertiseAssessment>();
        SameNames<Attendance, Contract.Attendance>();
        SameNames<TrainingKind, Contract.TrainingKind>();
        SameNames<TrainingKind, Events.TrainingKind>();
        SameNames<RegistrationStatus, Contract.RegistrationStatus>();
    }

    private static void SameNames<TDomain, TContract>()
        where TDomain : struct, Enum
        where TContract : struct, Enum
    {
        foreach (var value in Enum.GetValues<TDomain>())
        {
            var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Enum.IsDefined(typeof(TContract), number), $"{typeof(TContract).Name} has no value {number} for {value}.");
            Assert.Equal(value.ToString(), Enum.GetName(typeof(TContract), number));
        }
    }
}
