using Engagement.Api.Data;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;

namespace Engagement.Api.Application;

/// <summary>The mails an applicant receives, in the application's language, queued in the change's transaction.</summary>
public sealed class ApplicationMails(EngagementDbContext db, EngagementOptions options, TimeProvider time)
{
    public void Verification(ConstructiveDialogue dialogue, DialogueApplication application, string token)
    {
        var link = options.PagesUrl($"/verify?token={Uri.EscapeDataString(token)}");
        var fr = application.Language == "fr";
        Queue(application,
            fr ? $"Confirmez votre demande ({application.Reference})" : $"Confirm your application ({application.Reference})",
            fr
                ? $"""
                  Bonjour {application.ContactName},

                  {application.Organization.Name} a demandé à participer au {Title(dialogue)}.
                  Pour que la demande soit prise en compte, confirmez votre adresse en ouvrant ce lien :

                  {link}

                  Le lien est valable {options.VerificationLinkLifetime.TotalHours:0} heures. Référence : {application.Reference}
                  Si vous n'avez rien demandé, ignorez ce message.
                  """
                : $"""
                  Dear {application.ContactName},

                  {application.Organization.Name} applied to take part in the {Title(dialogue)}.
                  For the application to count, confirm your address by opening this link:

                  {link}

                  The link works for {options.VerificationLinkLifetime.TotalHours:0} hours. Reference: {application.Reference}
                  If you did not apply, ignore this message.
                  """);
    }

    public void Decision(ConstructiveDialogue dialogue, DialogueApplication application, int waitlistPosition)
    {
        var fr = application.Language == "fr";
        var outcome = (application.Status, fr) switch
        {
            (ApplicationStatus.ApprovedInPerson, false) => "is approved: you have a seat in person, in Vienna.",
            (ApplicationStatus.ApprovedInPerson, true) => "est approuvée : vous avez une place en présentiel, à Vienne.",
            (ApplicationStatus.ApprovedOnline, false) => "is approved: you take part online.",
            (ApplicationStatus.ApprovedOnline, true) => "est approuvée : vous participez en ligne.",
            (ApplicationStatus.Waitlisted, false) => $"is on the waitlist (position {waitlistPosition}). A freed seat goes to the waitlist in order; we will write again.",
            (ApplicationStatus.Waitlisted, true) => $"est sur la liste d'attente (position {waitlistPosition}). Une place libérée revient à la liste d'attente dans l'ordre ; nous vous écrirons.",
            (ApplicationStatus.Declined, false) => "could not be accepted.",
            (ApplicationStatus.Declined, true) => "n'a pas pu être acceptée.",
            (_, false) => "was received and awaits the decision of the Extended Bureau.",
            (_, true) => "a été reçue et attend la décision du Bureau élargi.",
        };
        Queue(application,
            fr ? $"Votre demande {application.Reference} : décision" : $"Your application {application.Reference}: decision",
            fr
                ? $"""
                  Bonjour {application.ContactName},

                  La demande de {application.Organization.Name} pour le {Title(dialogue)} {outcome}

                  Consulter, modifier ou retirer la demande jusqu'à la date limite : {options.PagesUrl("/status")}
                  Référence : {application.Reference}
                  """
                : $"""
                  Dear {application.ContactName},

                  The application of {application.Organization.Name} to the {Title(dialogue)} {outcome}

                  Check, change or withdraw it until the deadline: {options.PagesUrl("/status")}
                  Reference: {application.Reference}
                  """);
    }

    public void Withdrawn(ConstructiveDialogue dialogue, DialogueApplication application)
    {
        var fr = application.Language == "fr";
        Queue(application,
            fr ? $"Demande {application.Reference} retirée" : $"Application {application.Reference} withdrawn",
            fr
                ? $"Bonjour {application.ContactName},\n\nLa demande de {application.Organization.Name} pour le {Title(dialogue)} est retirée.\nRéférence : {application.Reference}\n"
                : $"Dear {application.ContactName},\n\nThe application of {application.Organization.Name} to the {Title(dialogue)} is withdrawn.\nReference: {application.Reference}\n");
    }

    private static string Title(ConstructiveDialogue dialogue) => $"{dialogue.Title} ({dialogue.HeldOn:yyyy-MM-dd})";

    private void Queue(DialogueApplication application, string subject, string body) =>
        db.MailQueue.Add(new QueuedMail
        {
            To = application.ContactEmail,
            ToName = application.ContactName,
            Subject = subject,
            TextBody = body,
            CreatedAt = time.GetUtcNow(),
        });
}
