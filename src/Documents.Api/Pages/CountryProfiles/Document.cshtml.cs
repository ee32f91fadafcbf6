using Documents.Api.Application.CountryProfiles;
using Documents.Api.Domain.Questionnaires;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewMechanism.ServiceDefaults.Errors;
using Profiles = Documents.Api.Application.CountryProfiles.CountryProfiles;

namespace Documents.Api.Pages.CountryProfiles;

/// <summary>A published document's published version, article by article.</summary>
[AllowAnonymous]
public sealed class DocumentModel(Profiles profiles, QuestionnaireCatalog questionnaires) : PageModel
{
    public PublishedDocument? Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Published = await profiles.GetDocumentAsync(id, ct);
            return Page();
        }
        catch (DomainException error) when (error.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
    }

    public string ArticleTitle(string articleId)
    {
        var article = questionnaires.All.SelectMany(q => q.Articles).FirstOrDefault(a => a.Id == articleId);
        return article is null ? articleId : $"{article.Instrument} article {article.Article}: {article.Title}";
    }
}
