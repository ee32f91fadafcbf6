using System.Globalization;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Domain.Notifications;

/// <summary>
/// Notice texts in the six UN languages: English and French are written; Arabic, Chinese, Russian and Spanish
/// fall back to English until translated (the rendered notice says which language it is in).
/// </summary>
public static class NotificationTemplates
{
    private static readonly IReadOnlyDictionary<UnLanguage, ITemplateSet> Written = new Dictionary<UnLanguage, ITemplateSet>
    {
        [UnLanguage.English] = new EnglishTemplates(),
        [UnLanguage.French] = new FrenchTemplates(),
    };

    /// <summary>The languages with their own text (the others fall back to English).</summary>
    public static IReadOnlyCollection<UnLanguage> WrittenLanguages => Written.Keys.ToList();

    public static RenderedNotice Render(NoticeKind kind, UnLanguage language, NoticeModel model)
    {
        var (actual, set) = Written.TryGetValue(language, out var found) ? (language, found) : (UnLanguage.English, Written[UnLanguage.English]);
        return kind == NoticeKind.Reminder
            ? new RenderedNotice(actual, set.ReminderSubject(model), set.ReminderBody(model))
            : new RenderedNotice(actual, set.MissedSubject(model), set.MissedBody(model));
    }

    private interface ITemplateSet
    {
        string ReminderSubject(NoticeModel m);

        string ReminderBody(NoticeModel m);

        string MissedSubject(NoticeModel m);

        string MissedBody(NoticeModel m);
    }

    private sealed class EnglishTemplates : ITemplateSet
    {
        private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

        public string ReminderSubject(NoticeModel m) =>
            $"Reminder: {Step(m.Deadline)} for the review of {m.PartyUnderReviewName} due on {Date(m.DueDate)}";

        public string ReminderBody(NoticeModel m) =>
            $"""
            Dear {m.RecipientName},

            This is a reminder that the {Step(m.Deadline)} in the country review of {m.PartyUnderReviewName} (review {m.CountryReviewId}, thematic cluster {m.Cluster}) is due on {Date(m.DueDate)}, in {m.Days} {(m.Days == 1 ? "day" : "days")}.

            {m.PartyName} is expected to {Action(m.Deadline)}.

            If the parties to the review have agreed to extend this deadline, please inform the secretariat so that the agreed date is recorded.

            Secretariat of the Mechanism for the Review of the Implementation of UNTOC
            {m.SecretariatEmail}
            """;

        public string MissedSubject(NoticeModel m) =>
            $"Missed deadline: {Step(m.Deadline)} for the review of {m.PartyUnderReviewName} was due on {Date(m.DueDate)}";

        public string MissedBody(NoticeModel m) =>
            $"""
            Dear {m.RecipientName},

            The {Step(m.Deadline)} in the country review of {m.PartyUnderReviewName} (review {m.CountryReviewId}, thematic cluster {m.Cluster}) was due on {Date(m.DueDate)}, {m.Days} {(m.Days == 1 ? "day" : "days")} ago, and has not been recorded as done.

            {m.PartyName} is expected to {Action(m.Deadline)} as soon as possible. The review cannot progress until this step is completed.

            If the parties to the review have agreed on a new date, please inform the secretariat so that it is recorded.

            Secretariat of the Mechanism for the Review of the Implementation of UNTOC
            {m.SecretariatEmail}
            """;

        private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

        private static string Step(DeadlineKind kind) => kind.DisplayName();

        private static string Action(DeadlineKind kind) => kind switch
        {
            DeadlineKind.FocalPointNomination => "nominate its focal point for this review",
            DeadlineKind.ExpertNomination => "nominate its governmental experts for this review",
            DeadlineKind.PreliminaryConsultation => "hold the preliminary consultation with the reviewing parties, agreeing on time frames and working languages",
            DeadlineKind.SelfAssessmentQuestionnaire => "submit its responses to the self-assessment questionnaire",
            DeadlineKind.WrittenFeedback => "submit its written feedback on the responses to the self-assessment questionnaire",
            _ => "finalize the list of observations and its summary with the other parties and the secretariat",
        };
    }

    private sealed class FrenchTemplates : ITemplateSet
    {
        private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

        public string ReminderSubject(NoticeModel m) =>
            $"Rappel : {Step(m.Deadline)} pour l'examen de {m.PartyUnderReviewName}, échéance le {Date(m.DueDate)}";

        public string ReminderBody(NoticeModel m) =>
            $"""
            Madame, Monsieur,

            Nous vous rappelons que l'échéance fixée pour {StepWithArticle(m.Deadline)} dans l'examen de pays de {m.PartyUnderReviewName} (examen {m.CountryReviewId}, groupe thématique {m.Cluster}) est le {Date(m.DueDate)}, dans {m.Days} jour{(m.Days > 1 ? "s" : "")}.

            Il est attendu de {m.PartyName} qu'elle ou qu'il {Action(m.Deadline)}.

            Si les parties à l'examen sont convenues de prolonger ce délai, veuillez en informer le secrétariat afin que la nouvelle date soit enregistrée.

            À l'attention de : {m.RecipientName}

            Secrétariat du Mécanisme d'examen de l'application de la Convention contre la criminalité transnationale organisée
            {m.SecretariatEmail}
            """;

        public string MissedSubject(NoticeModel m) =>
            $"Délai dépassé : {Step(m.Deadline)} pour l'examen de {m.PartyUnderReviewName}, échéance du {Date(m.DueDate)}";

        public string MissedBody(NoticeModel m) =>
            $"""
            Madame, Monsieur,

            L'échéance fixée pour {StepWithArticle(m.Deadline)} dans l'examen de pays de {m.PartyUnderReviewName} (examen {m.CountryReviewId}, groupe thématique {m.Cluster}) était le {Date(m.DueDate)}, il y a {m.Days} jour{(m.Days > 1 ? "s" : "")}, et cette étape n'a pas été enregistrée comme accomplie.

            Il est attendu de {m.PartyName} qu'elle ou qu'il {Action(m.Deadline)} dans les meilleurs délais. L'examen ne peut pas progresser tant que cette étape n'est pas accomplie.

            Si les parties à l'examen sont convenues d'une nouvelle date, veuillez en informer le secrétariat afin qu'elle soit enregistrée.

            À l'attention de : {m.RecipientName}

            Secrétariat du Mécanisme d'examen de l'application de la Convention contre la criminalité transnationale organisée
            {m.SecretariatEmail}
            """;

        private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

        private static string Step(DeadlineKind kind) => kind switch
        {
            DeadlineKind.FocalPointNomination => "désignation du point de contact",
            DeadlineKind.ExpertNomination => "désignation des experts gouvernementaux",
            DeadlineKind.PreliminaryConsultation => "consultation préliminaire",
            DeadlineKind.SelfAssessmentQuestionnaire => "questionnaire d'auto-évaluation",
            DeadlineKind.WrittenFeedback => "commentaires écrits",
            _ => "liste d'observations et son résumé",
        };

        private static string StepWithArticle(DeadlineKind kind) => kind switch
        {
            DeadlineKind.FocalPointNomination => "la désignation du point de contact",
            DeadlineKind.ExpertNomination => "la désignation des experts gouvernementaux",
            DeadlineKind.PreliminaryConsultation => "la consultation préliminaire",
            DeadlineKind.SelfAssessmentQuestionnaire => "les réponses au questionnaire d'auto-évaluation",
            DeadlineKind.WrittenFeedback => "les commentaires écrits",
            _ => "la liste d'observations et son résumé",
        };

        private static string Action(DeadlineKind kind) => kind switch
        {
            DeadlineKind.FocalPointNomination => "désigne son point de contact pour cet examen",
            DeadlineKind.ExpertNomination => "désigne ses experts gouvernementaux pour cet examen",
            DeadlineKind.PreliminaryConsultation => "tienne la consultation préliminaire avec les parties examinatrices, afin de convenir du calendrier et des langues de travail",
            DeadlineKind.SelfAssessmentQuestionnaire => "soumette ses réponses au questionnaire d'auto-évaluation",
            DeadlineKind.WrittenFeedback => "soumette ses commentaires écrits sur les réponses au questionnaire d'auto-évaluation",
            _ => "finalise la liste d'observations et son résumé avec les autres parties et le secrétariat",
        };
    }
}
