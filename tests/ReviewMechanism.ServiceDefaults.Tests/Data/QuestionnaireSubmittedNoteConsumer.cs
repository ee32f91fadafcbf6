using MassTransit;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace ReviewMechanism.ServiceDefaults.Tests.Data;

/// <summary>Writes a note when a questionnaire was submitted (idempotently, through the inbox).</summary>
public sealed class QuestionnaireSubmittedNoteConsumer(IIntegrationEventInbox inbox, ReviewNotesDb db) : IConsumer<QuestionnaireTransmitted>
{
    public Task Consume(ConsumeContext<QuestionnaireTransmitted> context) => inbox.ApplyOnceAsync(context, (message, _) =>
    {
        db.Notes.Add(new ReviewNote { Id = Guid.NewGuid(), CountryReviewId = message.CountryReviewId, Text = $"Questionnaire submitted by {message.Party}" });
        return Task.CompletedTask;
    });
}
