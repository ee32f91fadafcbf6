using Engagement.Api.Domain.Dialogues;

namespace Engagement.Api.Pages.Web;

/// <summary>A page showing the application fields (the application form, the change form).</summary>
public interface IApplicationFormPage
{
    ApplicationForm Form { get; }

    ConstructiveDialogue Dialogue { get; }

    /// <summary>The address cannot change once given (it is the applicant's proof); only the first form asks for it.</summary>
    bool AsksEmail { get; }
}
