using Documents.Api.Application.CountryProfiles;
using Documents.Api.Domain.Languages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewMechanism.ServiceDefaults.Errors;
using Profiles = Documents.Api.Application.CountryProfiles.CountryProfiles;

namespace Documents.Api.Pages.CountryProfiles;

/// <summary>The public list of country profiles and the full-text search over the published texts.</summary>
[AllowAnonymous]
public sealed class IndexModel(Profiles profiles) : PageModel
{
    public string Query { get; private set; } = "";

    public string Language { get; private set; } = "";

    public IReadOnlyCollection<string> Languages => UnLanguages.Codes;

    public IReadOnlyList<CountryProfileSummary> Profiles { get; private set; } = [];

    public SearchResults? Results { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? q, string? language, string? from, CancellationToken ct)
    {
        Query = (q ?? "").Trim();
        Language = (language ?? "").Trim();
        Profiles = await profiles.ListAsync(ct);
        if (Query.Length == 0)
        {
            return;
        }
        try
        {
            Results = await profiles.SearchAsync(Query, "", Language, 0, from ?? "", ct);
        }
        catch (DomainException error) when (error.Kind == DomainErrorKind.InvalidArgument)
        {
            Error = error.Message;
        }
    }
}
