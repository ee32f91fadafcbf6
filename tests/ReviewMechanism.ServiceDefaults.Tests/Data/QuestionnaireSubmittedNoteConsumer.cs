using MassTransit;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace ReviewMechanism.ServiceDefaults.Tests.Data;

/// <summary>Writes a note when a questionnaire was submitted (idempotently, through the inbox).</summary>
public sealed class QuestionnaireSubmittedNoteConsumer(ReviewNotesDb db) : IdempotentConsumer<QuestionnaireTransmitted, ReviewNotesDb>(db)
{
    protected override Task HandleAsync(QuestionnaireTransmitted message, ConsumeContext<QuestionnaireTransmitted> context, CancellationToken cancellationToken)
    {
        DbContext.Notes.Add(new ReviewNote { Id = Guid.NewGuid(), CountryReviewId = message.CountryReviewId, Text = $"Questionnaire submitted by {message.Party}" });
        return Task.CompletedTask;
    }
}
