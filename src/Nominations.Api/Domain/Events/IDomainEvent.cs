namespace Nominations.Api.Domain.Events;

/// <summary>Something that happened to a roster; published as an integration event when the roster is saved.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
